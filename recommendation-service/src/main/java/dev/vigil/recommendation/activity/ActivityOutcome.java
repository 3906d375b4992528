package dev.vigil.recommendation.activity;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.recommendation.affinity.AffinityUpdate;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * What one shopper's activity leads to: the affinity it teaches (keyed by product), the product it
 * was on (for trending), and a new list for the shopper, or {@code null} when there is none.
 */
public record ActivityOutcome(
    Activity activity,
    Product product,
    List<KeyValue<String, AffinityUpdate>> affinity,
    Recommendations recommendations) {

  public ActivityOutcome {
    affinity = List.copyOf(affinity);
  }
}
