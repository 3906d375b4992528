package dev.vigil.recommendation.shopper;

import dev.vigil.common.shop.ActivityType;
import java.time.Instant;

/**
 * A product of the shopper's current session: the strongest signal they gave it ({@code VIEW},
 * {@code ADD_TO_CART} or {@code PURCHASE}; it never weakens, since it was learned from), whether it
 * is in the cart now, and when they last touched it.
 */
public record SessionItem(String productId, ActivityType level, boolean inCart, Instant lastSeen) {

  /** Signal strength order; removing from the cart is no level. */
  public static int strength(ActivityType type) {
    return switch (type) {
      case VIEW -> 1;
      case ADD_TO_CART -> 2;
      case PURCHASE -> 3;
      case REMOVE_FROM_CART -> 0;
    };
  }

  /** The weaker of two levels: what a pair of products was interacted with together. */
  public static ActivityType weaker(ActivityType a, ActivityType b) {
    return strength(a) <= strength(b) ? a : b;
  }

  /** The signal this item gives now: an item taken out of the cart again is only viewed. */
  public ActivityType currentLevel() {
    return level == ActivityType.ADD_TO_CART && !inCart ? ActivityType.VIEW : level;
  }
}
