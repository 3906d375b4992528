package dev.vigil.recommendation.evaluation;

import static dev.vigil.common.testing.TestDrivers.input;
import static dev.vigil.common.testing.TestDrivers.output;

import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.testing.TestDrivers;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.RecommendationTopology;
import dev.vigil.recommendation.Storage;
import dev.vigil.recommendation.evaluation.SyntheticShop.Shopper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Replays a synthetic shop through the real topology, in event-time order, and scores what each
 * shopper was recommended just before their held-out purchase: Vigil's latest list, and the shop's
 * most bought products so far (the global-popularity baseline, which also leaves out what the
 * shopper already owns). A hit is the held-out product among the first ten; the reciprocal rank is
 * one over its position there, or 0.
 */
final class OfflineEvaluation {

  static final int K = 10;

  /** Hit rate at K and mean reciprocal rank, over every shopper. */
  record Score(double hitRate, double mrr) {}

  record Result(int shoppers, int events, Score vigil, Score baseline) {

    /** The result as the Markdown table in the README. */
    String table() {
      return "| recommender | hit-rate@10 | MRR |\n"
          + "|---|---|---|\n"
          + row("Vigil (affinity + trending)", vigil)
          + row("global popularity", baseline);
    }

    private static String row(String name, Score score) {
      return String.format(
          Locale.ROOT, "| %s | %.3f | %.3f |\n", name, score.hitRate(), score.mrr());
    }
  }

  private OfflineEvaluation() {}

  static Result run(long seed, int shoppers) {
    return run(seed, shoppers, RecommendationProperties.defaults());
  }

  static Result run(long seed, int shoppers, RecommendationProperties properties) {
    SyntheticShop shop = new SyntheticShop(seed);
    List<Shopper> population = shop.shoppers(shoppers);
    StreamsBuilder builder = new StreamsBuilder();
    new RecommendationTopology(
            properties, new VigilMetrics(new SimpleMeterRegistry()), Storage.IN_MEMORY)
        .build(builder);
    try (TopologyTestDriver driver = TestDrivers.create(builder.build(), SyntheticShop.START)) {
      TestInputTopic<String, Product> products = input(driver, ShopTopics.PRODUCTS);
      TestInputTopic<String, Activity> activity = input(driver, ShopTopics.ACTIVITY);
      TestOutputTopic<String, Recommendations> lists = output(driver, ShopTopics.RECOMMENDATIONS);
      Map<String, Product> catalogue = new HashMap<>();
      shop.catalogue()
          .forEach(
              p -> {
                products.pipeInput(p.productId(), p);
                catalogue.put(p.productId(), p);
              });

      Baseline baseline = new Baseline(catalogue);
      Map<String, List<String>> baselineLists = new HashMap<>();
      Map<String, List<String>> vigilLists = new HashMap<>();
      List<Step> steps = new ArrayList<>();
      population.forEach(
          s -> {
            s.activity().forEach(a -> steps.add(new Step(a, null)));
            steps.add(new Step(null, s));
          });
      steps.sort(Comparator.comparing(Step::time).thenComparing(Step::order));
      int events = 0;
      for (Step step : steps) {
        if (step.activity() != null) {
          activity.pipeInput(step.activity().userId(), step.activity());
          baseline.observe(step.activity());
          events++;
        } else {
          baselineLists.put(step.shopper().userId(), baseline.top(step.shopper().userId()));
        }
        if (events % 500 == 0) {
          lists.readValuesToList().forEach(r -> vigilLists.put(r.userId(), r.productIds()));
        }
      }
      lists.readValuesToList().forEach(r -> vigilLists.put(r.userId(), r.productIds()));
      return new Result(
          population.size(),
          events,
          score(population, vigilLists),
          score(population, baselineLists));
    }
  }

  private static Score score(List<Shopper> population, Map<String, List<String>> lists) {
    double hits = 0;
    double reciprocalRanks = 0;
    for (Shopper shopper : population) {
      List<String> list = lists.getOrDefault(shopper.userId(), List.of());
      int rank = list.subList(0, Math.min(K, list.size())).indexOf(shopper.heldOut()) + 1;
      if (rank > 0) {
        hits++;
        reciprocalRanks += 1.0 / rank;
      }
    }
    return new Score(hits / population.size(), reciprocalRanks / population.size());
  }

  /** An activity to replay, or the moment a shopper's held-out purchase is about to happen. */
  private record Step(Activity activity, Shopper shopper) {

    java.time.Instant time() {
      return activity != null ? activity.eventTime() : shopper.cut();
    }

    /** At the same instant, activity first: the baseline may count everything before the cut. */
    int order() {
      return activity != null ? 0 : 1;
    }
  }

  /** The most bought products so far, without what the shopper owns (unless consumable). */
  private static final class Baseline {

    private final Map<String, Product> catalogue;
    private final Map<String, Integer> purchases = new HashMap<>();
    private final Map<String, Set<String>> owned = new HashMap<>();

    Baseline(Map<String, Product> catalogue) {
      this.catalogue = catalogue;
    }

    void observe(Activity activity) {
      if (activity.type() == ActivityType.PURCHASE) {
        purchases.merge(activity.productId(), 1, Integer::sum);
        owned.computeIfAbsent(activity.userId(), u -> new HashSet<>()).add(activity.productId());
      }
    }

    List<String> top(String userId) {
      Set<String> mine = owned.getOrDefault(userId, Set.of());
      return purchases.entrySet().stream()
          .filter(e -> !mine.contains(e.getKey()) || catalogue.get(e.getKey()).hasTag("consumable"))
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(K)
          .map(Map.Entry::getKey)
          .toList();
    }
  }
}
