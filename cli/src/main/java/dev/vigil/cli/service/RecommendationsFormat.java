package dev.vigil.cli.service;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.ShopTopics;
import java.util.stream.Collectors;

/**
 * {@code RECS user-42 viewed laptop-pro-14: Laptop Bag (Bought together with Laptop Pro 14),
 * Wireless Mouse, USB-C Hub}: who, after what, and the first three products, with the first one's
 * reason.
 */
final class RecommendationsFormat implements AlertFormat {

  private static final int SHOWN = 3;

  @Override
  public AlertLine format(byte[] value) {
    Recommendations list =
        ShopTopics.RECOMMENDATIONS
            .valueSerde()
            .deserializer()
            .deserialize(ShopTopics.RECOMMENDATIONS.name(), value);
    return new AlertLine(list.eventTime(), "RECS", facts(list));
  }

  static String facts(Recommendations list) {
    Recommendation first = list.items().get(0);
    String rest =
        list.items().stream()
            .skip(1)
            .limit(SHOWN - 1)
            .map(r -> ", " + r.name())
            .collect(Collectors.joining());
    return list.userId()
        + " "
        + verb(list.trigger())
        + " "
        + list.productId()
        + ": "
        + first.name()
        + " ("
        + first.reason()
        + ")"
        + rest;
  }

  private static String verb(ActivityType trigger) {
    return switch (trigger) {
      case VIEW -> "viewed";
      case ADD_TO_CART -> "carted";
      case REMOVE_FROM_CART -> "uncarted";
      case PURCHASE -> "bought";
    };
  }
}
