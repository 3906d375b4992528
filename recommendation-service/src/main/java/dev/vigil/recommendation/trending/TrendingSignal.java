package dev.vigil.recommendation.trending;

import dev.vigil.common.state.StateSerdes;
import org.apache.kafka.common.serialization.Serde;

/** One activity's weight for a product, keyed by the product's category. */
public record TrendingSignal(String productId, double weight) {

  /**
   * Signals as they cross their repartition topic: in the binary state format, reading the JSON
   * that earlier releases wrote there too.
   */
  public static final Serde<TrendingSignal> SERDE = StateSerdes.binary(TrendingSignal.class);
}
