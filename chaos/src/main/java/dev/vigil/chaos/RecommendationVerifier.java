package dev.vigil.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations: the learned state equals what the activity teaches, and every list is
 * attributable to one activity, once.
 *
 * <ul>
 *   <li>Learned affinity: each product's latest neighbours on {@code shop.related} (what the
 *       learning's store held at its last commit) are those {@link ShopAffinity} recomputes from
 *       the activity, with the same scores. Learning twice from one activity shows as a score too
 *       high ({@code duplicated}), never learning from it as one too low or a neighbour absent
 *       ({@code missing}). Scores are sums in whatever order the repartitioned updates arrive, so
 *       they are compared with a relative tolerance; the part of a score from buying both is capped
 *       at the score on each update, which makes it depend on the order by the decay between
 *       updates, so it is compared loosely.
 *   <li>Lists on {@code shop.recommendations}: each for the shopper, activity, trigger and product
 *       of an activity sent, and at most one per activity. Whether an activity yields a list
 *       depends on what the global tables held when it was processed, so a missing list is not
 *       counted.
 *   <li>Trending on {@code shop.trending}: each category's window published at most once, with the
 *       weighted activity recomputed from the inputs; a window must be there once its category's
 *       newest activity is a minute past its end and grace period.
 * </ul>
 */
final class RecommendationVerifier implements Verifier {

  static final String ACTIVITY = "shop.activity";
  static final String PRODUCTS = "shop.products";
  static final String RECOMMENDATIONS = "shop.recommendations";
  static final String RELATED = "shop.related";
  static final String TRENDING = "shop.trending";

  private static final double TOLERANCE = 1e-6;
  private static final double BOUGHT_TOLERANCE = 1e-2;
  private static final Duration WINDOW = Duration.ofHours(1);
  private static final Duration ADVANCE = Duration.ofMinutes(5);
  private static final Duration GRACE = Duration.ofMinutes(1);
  private static final int TRENDING_SIZE = 10;

  private record Sent(String userId, String type, String productId) {}

  private record WindowKey(String category, Instant start) {
    @Override
    public String toString() {
      return category + "@" + start;
    }
  }

  @Override
  public List<String> outputTopics() {
    return List.of(RECOMMENDATIONS, RELATED, TRENDING);
  }

  @Override
  public Verification verify(List<SentRecord> input, Map<String, List<OutputRecord>> outputs) {
    Map<String, String> categories = new HashMap<>();
    Map<String, Sent> activities = new HashMap<>();
    ShopAffinity affinity = new ShopAffinity();
    Map<WindowKey, Map<String, Double>> trending = new TreeMap<>(RecommendationVerifier::compare);
    Map<String, Instant> categoryTime = new HashMap<>();
    for (SentRecord sent : input) {
      JsonNode value = Json.parse(sent.record().value());
      if (sent.record().topic().equals(PRODUCTS)) {
        categories.put(value.path("productId").asString(), value.path("category").asString());
        continue;
      }
      String eventId = value.path("eventId").asString();
      String userId = value.path("userId").asString();
      String type = value.path("type").asString();
      String productId = value.path("productId").asString();
      Instant at = Instant.parse(value.path("eventTime").asString());
      if (activities.putIfAbsent(eventId, new Sent(userId, type, productId)) != null) {
        continue;
      }
      ShopAffinity.Type kind = ShopAffinity.Type.valueOf(type);
      affinity.add(userId, value.path("sessionId").asString(), kind, productId, at);
      String category = categories.get(productId);
      if (kind.weight > 0 && category != null) {
        categoryTime.merge(category, at, (a, b) -> a.isAfter(b) ? a : b);
        for (Instant start : windowsOf(at)) {
          trending
              .computeIfAbsent(new WindowKey(category, start), k -> new HashMap<>())
              .merge(productId, kind.weight, Double::sum);
        }
      }
    }
    Verification.Tally tally = new Verification.Tally();
    verifyLearned(affinity.learned(), outputs.getOrDefault(RELATED, List.of()), tally);
    verifyLists(activities, outputs.getOrDefault(RECOMMENDATIONS, List.of()), tally);
    verifyTrending(trending, categoryTime, outputs.getOrDefault(TRENDING, List.of()), tally);
    return tally.result();
  }

  private static void verifyLearned(
      Map<String, ShopAffinity.Learned> expected,
      List<OutputRecord> related,
      Verification.Tally tally) {
    Map<String, String> newest = new HashMap<>();
    related.forEach(output -> newest.put(output.key(), output.value()));
    // Only each product's newest list counts: parsing every older one would slow every poll.
    Map<String, JsonNode> latest = new HashMap<>();
    newest.forEach(
        (productId, value) -> latest.put(productId, value == null ? null : Json.parse(value)));
    latest.forEach(
        (productId, value) -> {
          if (value != null) {
            tally.outputs(value.path("related").size());
            if (!expected.containsKey(productId)) {
              tally.wrong("neighbours learned for " + productId + " from no activity");
            }
          }
        });
    expected.forEach(
        (productId, learned) -> {
          JsonNode value = latest.get(productId);
          // Beyond the kept top K, a pair the service dropped starts again from its next
          // co-interaction: there it may be weaker than recomputed, or gone, but never stronger.
          boolean pruned = learned.neighbours().size() > ShopAffinity.NEIGHBOURS;
          int pairs = Math.min(learned.neighbours().size(), ShopAffinity.NEIGHBOURS);
          tally.expected(pairs);
          if (value == null) {
            tally.missing(pairs, "neighbours of " + productId);
            return;
          }
          Instant asOf = Instant.parse(value.path("asOf").asString());
          if (!asOf.equals(learned.asOf())) {
            String example =
                "neighbours of " + productId + " as of " + asOf + ", not " + learned.asOf();
            if (asOf.isBefore(learned.asOf())) {
              tally.missing(pairs, example);
            } else {
              tally.wrong(example);
            }
            return;
          }
          Map<String, JsonNode> found = new HashMap<>();
          value.path("related").forEach(r -> found.put(r.path("productId").asString(), r));
          learned
              .neighbours()
              .forEach(
                  (other, neighbour) -> {
                    JsonNode r = found.remove(other);
                    String pair = productId + "→" + other;
                    if (r == null) {
                      if (!pruned) {
                        tally.missing(pair + " (score " + neighbour.score() + ")");
                      }
                      return;
                    }
                    double score = r.path("score").asDouble();
                    double bought = r.path("boughtScore").asDouble();
                    if (score > neighbour.score() * (1 + TOLERANCE)) {
                      tally.duplicated(1, pair + " scores " + score + ", not " + neighbour.score());
                    } else if (score < neighbour.score() * (1 - TOLERANCE)) {
                      if (!pruned) {
                        tally.missing(pair + " scores " + score + ", not " + neighbour.score());
                      }
                    } else if (Math.abs(bought - neighbour.bought())
                        > BOUGHT_TOLERANCE * neighbour.score()) {
                      tally.wrong(pair + " bought " + bought + ", not " + neighbour.bought());
                    }
                  });
          found.keySet().forEach(other -> tally.wrong(productId + "→" + other + " never met"));
        });
  }

  private static void verifyLists(
      Map<String, Sent> activities, List<OutputRecord> lists, Verification.Tally tally) {
    Map<String, Integer> perEvent = new LinkedHashMap<>();
    tally.outputs(lists.size());
    for (OutputRecord output : lists) {
      JsonNode list = Json.parse(output.value());
      String eventId = list.path("eventId").asString();
      Sent activity = activities.get(eventId);
      if (activity == null
          || !activity.userId().equals(output.key())
          || !activity.userId().equals(list.path("userId").asString())
          || !activity.type().equals(list.path("trigger").asString())
          || !activity.productId().equals(list.path("productId").asString())
          || list.path("items").isEmpty()) {
        tally.wrong("list " + output.value() + " for no such activity");
      }
      perEvent.merge(eventId, 1, Integer::sum);
    }
    tally.expected(perEvent.size());
    perEvent.forEach(
        (eventId, count) -> {
          if (count > 1) {
            tally.duplicated(count - 1, count + " lists after activity " + eventId);
          }
        });
  }

  private static void verifyTrending(
      Map<WindowKey, Map<String, Double>> expected,
      Map<String, Instant> categoryTime,
      List<OutputRecord> published,
      Verification.Tally tally) {
    Map<WindowKey, List<JsonNode>> found = new HashMap<>();
    tally.outputs(published.size());
    for (OutputRecord output : published) {
      JsonNode list = Json.parse(output.value());
      WindowKey key =
          new WindowKey(
              list.path("category").asString(), Instant.parse(list.path("windowStart").asString()));
      found.computeIfAbsent(key, k -> new ArrayList<>()).add(list);
    }
    expected.forEach(
        (key, scores) -> {
          List<JsonNode> lists = found.getOrDefault(key, List.of());
          Instant closes = key.start().plus(WINDOW).plus(GRACE);
          if (!closes.plus(Duration.ofMinutes(1)).isAfter(categoryTime.get(key.category()))) {
            tally.expected(1);
            if (lists.isEmpty()) {
              tally.missing("trending " + key);
            }
          } else if (!lists.isEmpty()) {
            tally.expected(1);
          }
          if (lists.size() > 1) {
            tally.duplicated(lists.size() - 1, lists.size() + " trending lists for " + key);
          }
          if (!lists.isEmpty() && !matches(lists.get(0), scores)) {
            tally.wrong("trending " + key + ": " + lists.get(0) + ", recomputed " + scores);
          }
        });
    found.keySet().stream()
        .filter(key -> !expected.containsKey(key))
        .forEach(key -> tally.wrong("trending without activity " + key));
  }

  /**
   * The list holds the top products by recomputed score: each with its own score, and the scores
   * those of the top {@value #TRENDING_SIZE}, whichever of equal scores made it.
   */
  private static boolean matches(JsonNode list, Map<String, Double> scores) {
    List<Double> top =
        scores.values().stream().sorted(Comparator.reverseOrder()).limit(TRENDING_SIZE).toList();
    List<Double> listed = new ArrayList<>();
    for (JsonNode product : list.path("products")) {
      Double score = scores.get(product.path("productId").asString());
      if (score == null || Math.abs(score - product.path("score").asDouble()) > TOLERANCE) {
        return false;
      }
      listed.add(score);
    }
    return listed.equals(top);
  }

  /** The starts of the hopping windows an event time falls in. */
  private static List<Instant> windowsOf(Instant at) {
    long time = at.toEpochMilli();
    long advance = ADVANCE.toMillis();
    List<Instant> starts = new ArrayList<>();
    for (long start = time / advance * advance;
        start > time - WINDOW.toMillis() && start >= 0;
        start -= advance) {
      starts.add(Instant.ofEpochMilli(start));
    }
    return starts;
  }

  private static int compare(WindowKey a, WindowKey b) {
    int byCategory = a.category().compareTo(b.category());
    return byCategory != 0 ? byCategory : a.start().compareTo(b.start());
  }
}
