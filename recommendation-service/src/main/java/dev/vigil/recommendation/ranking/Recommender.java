package dev.vigil.recommendation.ranking;

import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.RelatedProducts.RelatedProduct;
import dev.vigil.common.shop.Trending;
import dev.vigil.common.shop.Trending.TrendingProduct;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.affinity.Decay;
import dev.vigil.recommendation.shopper.Purchase;
import dev.vigil.recommendation.shopper.SessionItem;
import dev.vigil.recommendation.shopper.ShopperProfile;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks products for one shopper at one moment.
 *
 * <p>The products of the current session seed the list, the newest and most strongly signalled
 * weighing most, and past purchases weigh in at less. Seed weights add up to 1. Each seed passes
 * its weight to its related products in proportion to their affinity, damped by a pseudo-count so
 * that a product with little (or long decayed) history passes on little. The trending products of
 * the seeds' categories, and after them those of the whole shop, add smaller amounts: all a new
 * shopper has. Products the shopper owns (unless consumable), has in the cart, is looking at, or
 * that are out of stock or unknown are left out; products shown recently are demoted so each list
 * brings news. The biggest single contribution to a product's score is its reason.
 */
public final class Recommender {

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::productId);

  private final RecommendationProperties properties;
  private final RecommendationProperties.Ranking ranking;

  public Recommender(RecommendationProperties properties) {
    this.properties = properties;
    this.ranking = properties.ranking();
  }

  /**
   * The shopper's best products now.
   *
   * @param current the product the shopper is acting on, or {@code null}
   */
  public List<Recommendation> rank(
      ShopperProfile shopper, String current, Instant now, Catalogue shared) {
    Catalogue catalogue = shared.memoized();
    Map<String, Double> seeds = seeds(shopper, current, now);
    Map<String, Candidate> candidates = new HashMap<>();
    Map<String, Double> categories = new LinkedHashMap<>();
    seeds.forEach(
        (seed, weight) -> {
          Product product = catalogue.product(seed);
          if (product != null) {
            categories.merge(product.category(), weight, Double::sum);
          }
          related(seed, weight, now, catalogue, candidates);
        });
    categories.forEach(
        (category, share) -> categoryTrending(category, share, now, catalogue, candidates));
    shopTrending(now, catalogue, candidates);
    // Eligibility needs the product, so it is checked last, in rank order, for as few as it takes.
    return candidates.values().stream()
        .filter(c -> c.score() > 0)
        .filter(c -> !c.productId().equals(current))
        .map(c -> demoted(c, shopper, now))
        .sorted(BEST_FIRST)
        .filter(c -> eligible(c.productId(), shopper, catalogue))
        .limit(properties.listSize())
        .map(c -> c.recommendation(catalogue))
        .toList();
  }

  private Map<String, Double> seeds(ShopperProfile shopper, String current, Instant now) {
    Map<String, Double> seeds = new LinkedHashMap<>();
    if (current != null && shopper.sessionItem(current).isEmpty()) {
      seeds.put(current, properties.signals().view());
    }
    double recency = 1;
    for (SessionItem item :
        shopper.session().subList(0, Math.min(ranking.sessionSeeds(), shopper.session().size()))) {
      seeds.merge(
          item.productId(),
          properties.signals().weight(item.currentLevel()) * recency,
          Double::sum);
      recency *= ranking.sessionRecency();
    }
    shopper.purchases().stream()
        .filter(p -> !p.sessionId().equals(shopper.sessionId()))
        .limit(ranking.historySeeds())
        .forEach(
            p ->
                seeds.merge(
                    p.productId(),
                    ranking.historyWeight() * properties.signals().purchase() * age(p, now),
                    Double::sum));
    double total = seeds.values().stream().mapToDouble(Double::doubleValue).sum();
    seeds.replaceAll((id, weight) -> weight / total);
    return seeds;
  }

  private double age(Purchase purchase, Instant now) {
    return Decay.factor(purchase.at(), now, properties.affinity().halfLife());
  }

  private void related(
      String seed,
      double weight,
      Instant now,
      Catalogue catalogue,
      Map<String, Candidate> candidates) {
    RelatedProducts related = catalogue.relatedTo(seed);
    if (related == null || related.asOf() == null) {
      return;
    }
    double decay = Decay.factor(related.asOf(), now, properties.affinity().halfLife());
    double total = related.related().stream().mapToDouble(RelatedProduct::score).sum() * decay;
    for (RelatedProduct r : related.related()) {
      double contribution = weight * r.score() * decay / (total + ranking.support());
      RecommendationBasis basis =
          r.boughtScore() * 2 >= r.score()
              ? RecommendationBasis.BOUGHT_TOGETHER
              : RecommendationBasis.VIEWED_TOGETHER;
      candidate(candidates, r.productId()).add(contribution, basis, seed);
    }
  }

  private void categoryTrending(
      String category,
      double share,
      Instant now,
      Catalogue catalogue,
      Map<String, Candidate> candidates) {
    Trending trending = catalogue.trendingIn(category);
    if (!fresh(trending, now) || trending.products().isEmpty()) {
      return;
    }
    double top = trending.products().get(0).score();
    for (TrendingProduct p : trending.products()) {
      // Between half and all of the weight, so that for a shopper looking at one category its
      // trending products come before the shop's, which get at most their (smaller) weight.
      candidate(candidates, p.productId())
          .add(
              ranking.categoryTrendingWeight() * share * (1 + p.score() / top) / 2,
              RecommendationBasis.TRENDING_IN_CATEGORY,
              category);
    }
  }

  private void shopTrending(Instant now, Catalogue catalogue, Map<String, Candidate> candidates) {
    Map<String, Double> scores = new HashMap<>();
    for (Trending trending : catalogue.trendingEverywhere()) {
      if (fresh(trending, now)) {
        trending.products().forEach(p -> scores.merge(p.productId(), p.score(), Double::max));
      }
    }
    double top = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    scores.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(2L * properties.listSize())
        .forEach(
            e ->
                candidate(candidates, e.getKey())
                    .add(
                        ranking.trendingWeight() * e.getValue() / top,
                        RecommendationBasis.TRENDING,
                        null));
  }

  private boolean fresh(Trending trending, Instant now) {
    return trending != null
        && trending.windowEnd().isAfter(now.minus(properties.trending().staleAfter()));
  }

  private boolean eligible(String productId, ShopperProfile shopper, Catalogue catalogue) {
    Product product = catalogue.product(productId);
    if (product == null || !product.inStock() || shopper.inCart(productId)) {
      return false;
    }
    return !shopper.bought(productId) || product.hasTag(ranking.consumableTag());
  }

  private Candidate demoted(Candidate candidate, ShopperProfile shopper, Instant now) {
    boolean shownRecently =
        shopper
            .lastShown(candidate.productId())
            .map(at -> at.isAfter(now.minus(ranking.repeatWindow())))
            .orElse(false);
    return shownRecently ? candidate.scaled(ranking.repeatDemotion()) : candidate;
  }

  private static Candidate candidate(Map<String, Candidate> candidates, String productId) {
    return candidates.computeIfAbsent(productId, Candidate::new);
  }

  /** A product being scored, and the biggest contribution to its score so far. */
  private static final class Candidate {

    private final String productId;
    private double score;
    private double strongest;
    private RecommendationBasis basis;
    private String because;

    Candidate(String productId) {
      this.productId = productId;
    }

    String productId() {
      return productId;
    }

    double score() {
      return score;
    }

    void add(double contribution, RecommendationBasis basis, String because) {
      score += contribution;
      if (contribution > strongest) {
        strongest = contribution;
        this.basis = basis;
        this.because = because;
      }
    }

    Candidate scaled(double factor) {
      Candidate scaled = new Candidate(productId);
      scaled.score = score * factor;
      scaled.strongest = strongest;
      scaled.basis = basis;
      scaled.because = because;
      return scaled;
    }

    Recommendation recommendation(Catalogue catalogue) {
      Product product = catalogue.product(productId);
      return new Recommendation(
          productId,
          product.name(),
          product.category(),
          product.price(),
          Math.round(score * 10_000) / 10_000.0,
          basis,
          because,
          reason(catalogue));
    }

    private String reason(Catalogue catalogue) {
      return switch (basis) {
        case BOUGHT_TOGETHER -> "Bought together with " + nameOf(because, catalogue);
        case VIEWED_TOGETHER -> "Viewed together with " + nameOf(because, catalogue);
        case TRENDING_IN_CATEGORY -> "Trending in " + because;
        case TRENDING -> "Trending in the shop";
      };
    }

    private static String nameOf(String productId, Catalogue catalogue) {
      Product product = catalogue.product(productId);
      return product == null ? productId : product.name();
    }
  }
}
