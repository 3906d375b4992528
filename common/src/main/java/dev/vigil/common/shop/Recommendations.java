package dev.vigil.common.shop;

import java.time.Instant;
import java.util.List;

/**
 * A shopper's ranked recommendations, best first, keyed by user id on {@code shop.recommendations}:
 * computed after the activity {@code eventId} ({@code trigger} on {@code productId}) at its {@code
 * eventTime}.
 */
public record Recommendations(
    String userId,
    String eventId,
    ActivityType trigger,
    String productId,
    List<Recommendation> items,
    Instant eventTime) {

  public Recommendations {
    items = List.copyOf(items);
  }

  public List<String> productIds() {
    return items.stream().map(Recommendation::productId).toList();
  }
}
