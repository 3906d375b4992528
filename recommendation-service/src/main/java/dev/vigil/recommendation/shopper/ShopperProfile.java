package dev.vigil.recommendation.shopper;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.recommendation.RecommendationProperties.Shoppers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;

/**
 * What is remembered of one shopper: the current session's products (newest first), past purchases
 * (newest first), products recently shown, recent event ids and the latest list. Every list is
 * bounded, so the state per shopper stays small however active the shopper.
 *
 * <p>The current session is the session of the shopper's newest activity: an activity of another
 * session that is older (from a second device, or late) adds to the history but leaves the session
 * alone.
 *
 * <p>All of it is one stored value, read and written once per activity, rather than histories in
 * time-ordered stores: every activity reads all of it (the event ids for a duplicate, the session
 * for affinity and as seeds, the purchases and cart to exclude products, the shown products to
 * demote them, the latest list to not repeat it), and most activities change the session, the event
 * ids and the last activity together. Kept apart, that would be several range reads and several
 * writes (and changelog records) per activity instead of one bounded value of a few kilobytes.
 */
public record ShopperProfile(
    String sessionId,
    List<SessionItem> session,
    List<Purchase> purchases,
    List<Shown> shown,
    List<String> recentEventIds,
    Instant lastActivity,
    Recommendations latest) {

  public static final ShopperProfile NEW =
      new ShopperProfile(null, List.of(), List.of(), List.of(), List.of(), null, null);

  /**
   * Profiles as stored: in the binary state format, which names every type a profile holds, so
   * renaming one of them makes earlier profiles unreadable (the golden-bytes test says so). One for
   * the JVM, like each state serde here: building one generates the serializers of its types.
   */
  public static final Serde<ShopperProfile> SERDE =
      StateSerdes.binary(
          ShopperProfile.class,
          SessionItem.class,
          Purchase.class,
          Shown.class,
          Recommendations.class,
          Recommendation.class,
          ActivityType.class,
          RecommendationBasis.class);

  public ShopperProfile {
    session = List.copyOf(session);
    purchases = List.copyOf(purchases);
    shown = List.copyOf(shown);
    recentEventIds = List.copyOf(recentEventIds);
  }

  public boolean hasSeen(String eventId) {
    return recentEventIds.contains(eventId);
  }

  /** Whether an activity is older than the shopper's newest by more than the grace period. */
  public boolean isLate(Instant eventTime, Duration grace) {
    return lastActivity != null && eventTime.isBefore(lastActivity.minus(grace));
  }

  /** Whether an activity belongs to the current session, or starts a newer one. */
  public boolean continuesSession(Activity activity) {
    return activity.sessionId().equals(sessionId);
  }

  public boolean startsSession(Activity activity) {
    return !continuesSession(activity)
        && (lastActivity == null || !activity.eventTime().isBefore(lastActivity));
  }

  public Optional<SessionItem> sessionItem(String productId) {
    return session.stream().filter(i -> i.productId().equals(productId)).findFirst();
  }

  public boolean bought(String productId) {
    return purchases.stream().anyMatch(p -> p.productId().equals(productId));
  }

  public boolean inCart(String productId) {
    return sessionItem(productId).map(SessionItem::inCart).orElse(false);
  }

  public Optional<Instant> lastShown(String productId) {
    return shown.stream().filter(s -> s.productId().equals(productId)).map(Shown::at).findFirst();
  }

  /** The profile after an activity. */
  public ShopperProfile remember(Activity activity, Shoppers limits) {
    String currentSession = sessionId;
    List<SessionItem> items = session;
    if (startsSession(activity)) {
      currentSession = activity.sessionId();
      items = List.of();
    }
    if (activity.sessionId().equals(currentSession)) {
      items = withItem(items, activity, limits.sessionItems());
    }
    List<Purchase> bought =
        activity.type() == ActivityType.PURCHASE
            ? withPurchase(activity, limits.purchases())
            : purchases;
    return new ShopperProfile(
        currentSession,
        items,
        bought,
        shown,
        newestFirst(recentEventIds, activity.eventId(), limits.eventIds()),
        lastActivity == null || activity.eventTime().isAfter(lastActivity)
            ? activity.eventTime()
            : lastActivity,
        latest);
  }

  /** The profile after showing a list: its products are remembered as shown at its time. */
  public ShopperProfile showing(Recommendations list, Duration repeatWindow, int maxShown) {
    Instant at = list.eventTime();
    List<Shown> updated = new ArrayList<>();
    list.productIds().forEach(id -> updated.add(new Shown(id, at)));
    shown.stream()
        .filter(s -> !list.productIds().contains(s.productId()))
        .filter(s -> s.at().isAfter(at.minus(repeatWindow)))
        .forEach(updated::add);
    updated.sort(Comparator.comparing(Shown::at).reversed());
    return new ShopperProfile(
        sessionId,
        session,
        purchases,
        updated.subList(0, Math.min(maxShown, updated.size())),
        recentEventIds,
        lastActivity,
        list);
  }

  private static List<SessionItem> withItem(List<SessionItem> items, Activity activity, int max) {
    List<SessionItem> updated = new ArrayList<>(items.size() + 1);
    SessionItem previous = null;
    for (SessionItem item : items) {
      if (item.productId().equals(activity.productId())) {
        previous = item;
      } else {
        updated.add(item);
      }
    }
    ActivityType type = activity.type();
    ActivityType level =
        previous == null
            ? (type == ActivityType.REMOVE_FROM_CART ? ActivityType.VIEW : type)
            : SessionItem.strength(type) > SessionItem.strength(previous.level())
                ? type
                : previous.level();
    boolean inCart =
        switch (type) {
          case ADD_TO_CART -> true;
          case REMOVE_FROM_CART, PURCHASE -> false;
          case VIEW -> previous != null && previous.inCart();
        };
    Instant lastSeen =
        previous == null || activity.eventTime().isAfter(previous.lastSeen())
            ? activity.eventTime()
            : previous.lastSeen();
    updated.add(new SessionItem(activity.productId(), level, inCart, lastSeen));
    updated.sort(
        Comparator.comparing(SessionItem::lastSeen)
            .reversed()
            .thenComparing(SessionItem::productId));
    return updated.subList(0, Math.min(max, updated.size()));
  }

  private List<Purchase> withPurchase(Activity activity, int max) {
    List<Purchase> updated = new ArrayList<>(purchases.size() + 1);
    Instant at = activity.eventTime();
    for (Purchase purchase : purchases) {
      if (purchase.productId().equals(activity.productId())) {
        at = purchase.at().isAfter(at) ? purchase.at() : at;
      } else {
        updated.add(purchase);
      }
    }
    updated.add(new Purchase(activity.productId(), activity.sessionId(), at));
    updated.sort(Comparator.comparing(Purchase::at).reversed().thenComparing(Purchase::productId));
    return updated.subList(0, Math.min(max, updated.size()));
  }

  private static List<String> newestFirst(List<String> ids, String id, int max) {
    List<String> updated = new ArrayList<>(ids.size() + 1);
    updated.add(id);
    updated.addAll(ids.subList(0, Math.min(max - 1, ids.size())));
    return updated;
  }
}
