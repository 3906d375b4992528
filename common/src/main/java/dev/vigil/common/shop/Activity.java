package dev.vigil.common.shop;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.timestamp;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.event.TimestampedEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One thing a shopper did, keyed by user id on {@code shop.activity}. {@code quantity} is in units
 * of the product (1 when absent, e.g. for a view); {@code unitPrice}, when given, is in the shop's
 * currency. User and product ids are 1-64 letters, digits or {@code . _ : @ -}; event and session
 * ids at most 64 characters.
 */
public record Activity(
    String eventId,
    String userId,
    String sessionId,
    ActivityType type,
    String productId,
    Integer quantity,
    BigDecimal unitPrice,
    Instant eventTime)
    implements TimestampedEvent {

  public static final int MAX_QUANTITY = 10_000;
  private static final BigDecimal MAX_PRICE = new BigDecimal("10000000");

  public Activity {
    ShopIds.shortId(eventId, "eventId");
    ShopIds.pathId(userId, "userId");
    ShopIds.shortId(sessionId, "sessionId");
    required(type, "type");
    ShopIds.pathId(productId, "productId");
    quantity = quantity == null ? 1 : quantity;
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new InvalidEventException("quantity must be between 1 and " + MAX_QUANTITY);
    }
    if (unitPrice != null && (unitPrice.signum() < 0 || unitPrice.compareTo(MAX_PRICE) > 0)) {
      throw new InvalidEventException("unitPrice must be between 0 and " + MAX_PRICE);
    }
    timestamp(eventTime, "eventTime");
  }
}
