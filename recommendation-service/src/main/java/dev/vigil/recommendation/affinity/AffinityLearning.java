package dev.vigil.recommendation.affinity;

import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.RelatedProducts.RelatedProduct;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.affinity.AffinityUpdate.Contribution;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * Folds affinity updates into a product's neighbours, keeping the strongest K.
 *
 * <p>All scores of a product are kept as of one instant, {@code asOf}, the newest event time seen
 * for it: a newer update first decays every score to its own time, an older one (out of order) is
 * decayed to {@code asOf} before it is added. Either way each contribution ends up worth what it
 * would be had events arrived in order. Decaying all scores by the same factor keeps their order,
 * so pruning to the top K is exact for what is kept; a pair pruned earlier starts again from its
 * next co-interaction.
 */
public final class AffinityLearning {

  /** The neighbours of a product before anything is learned about it. */
  public static final RelatedProducts NOTHING = new RelatedProducts(null, null, List.of());

  private static final Comparator<RelatedProduct> STRONGEST_FIRST =
      Comparator.comparingDouble(RelatedProduct::score)
          .reversed()
          .thenComparing(RelatedProduct::productId);

  private final int neighbours;
  private final Duration halfLife;

  /**
   * A product's neighbours as the learning stores them, in the binary state format; they are
   * published to {@code shop.related} in JSON.
   */
  public static final Serde<RelatedProducts> NEIGHBOURS_SERDE =
      StateSerdes.binary(RelatedProducts.class, RelatedProduct.class);

  public AffinityLearning(RecommendationProperties properties) {
    this.neighbours = properties.affinity().neighbours();
    this.halfLife = properties.affinity().halfLife();
  }

  public RelatedProducts learn(String productId, AffinityUpdate update, RelatedProducts current) {
    Instant asOf = current.asOf();
    double existing = 1;
    double incoming = 1;
    if (asOf == null || update.eventTime().isAfter(asOf)) {
      existing = asOf == null ? 1 : Decay.factor(asOf, update.eventTime(), halfLife);
      asOf = update.eventTime();
    } else {
      incoming = Decay.factor(update.eventTime(), asOf, halfLife);
    }
    Map<String, double[]> scores = new HashMap<>();
    for (RelatedProduct r : current.related()) {
      scores.put(r.productId(), new double[] {r.score() * existing, r.boughtScore() * existing});
    }
    for (Contribution c : update.contributions()) {
      if (!c.productId().equals(productId)) {
        double[] score = scores.computeIfAbsent(c.productId(), id -> new double[2]);
        score[0] += c.weight() * incoming;
        score[1] = Math.min(score[0], score[1] + c.bought() * incoming);
      }
    }
    List<RelatedProduct> kept =
        scores.entrySet().stream()
            .map(e -> new RelatedProduct(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .sorted(STRONGEST_FIRST)
            .limit(neighbours)
            .toList();
    return new RelatedProducts(productId, asOf, kept);
  }
}
