package dev.vigil.recommendation.affinity;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.affinity.AffinityUpdate.Contribution;
import dev.vigil.recommendation.shopper.Purchase;
import dev.vigil.recommendation.shopper.SessionItem;
import dev.vigil.recommendation.shopper.ShopperProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * The pairs of products one activity relates, keyed by product.
 *
 * <p>Two products of one session are worth the weaker of the two signals the shopper gave them: a
 * product viewed next to one bought counts as a view, two bought count as a purchase. An activity
 * adds only the increase it causes, so repeating a view teaches nothing new and a session is worth
 * the same whatever order its events arrive in. Buying a product also relates it to the shopper's
 * purchases of earlier sessions, at a fraction of a purchase.
 */
public final class CoInteractions {

  private final RecommendationProperties.Signals signals;
  private final RecommendationProperties.Affinity affinity;

  public CoInteractions(RecommendationProperties properties) {
    this.signals = properties.signals();
    this.affinity = properties.affinity();
  }

  /** Updates keyed by product id: one for the activity's product and one per product it meets. */
  public List<KeyValue<String, AffinityUpdate>> of(ShopperProfile before, Activity activity) {
    ActivityType type = activity.type();
    if (type == ActivityType.REMOVE_FROM_CART) {
      return List.of();
    }
    Map<String, Contribution> pairs = new LinkedHashMap<>();
    if (before.continuesSession(activity)) {
      sessionPairs(before, activity, pairs);
    }
    if (type == ActivityType.PURCHASE && !alreadyBoughtInSession(before, activity)) {
      crossSessionPairs(before, activity, pairs);
    }
    if (pairs.isEmpty()) {
      return List.of();
    }
    List<KeyValue<String, AffinityUpdate>> updates = new ArrayList<>(pairs.size() + 1);
    updates.add(
        KeyValue.pair(
            activity.productId(),
            new AffinityUpdate(List.copyOf(pairs.values()), activity.eventTime())));
    pairs.values().stream()
        .map(
            c ->
                KeyValue.pair(
                    c.productId(),
                    new AffinityUpdate(
                        List.of(new Contribution(activity.productId(), c.weight(), c.bought())),
                        activity.eventTime())))
        .forEach(updates::add);
    return updates;
  }

  private void sessionPairs(
      ShopperProfile before, Activity activity, Map<String, Contribution> pairs) {
    ActivityType previous =
        before.sessionItem(activity.productId()).map(SessionItem::level).orElse(null);
    if (previous != null
        && SessionItem.strength(activity.type()) <= SessionItem.strength(previous)) {
      return;
    }
    before.session().stream()
        .filter(item -> !item.productId().equals(activity.productId()))
        .limit(affinity.sessionPairs())
        .forEach(
            item -> {
              ActivityType was =
                  previous == null ? null : SessionItem.weaker(previous, item.level());
              ActivityType is = SessionItem.weaker(activity.type(), item.level());
              double weight = signals.weight(is) - (was == null ? 0 : signals.weight(was));
              double bought =
                  is == ActivityType.PURCHASE && was != ActivityType.PURCHASE
                      ? signals.purchase()
                      : 0;
              if (weight > 0) {
                add(pairs, new Contribution(item.productId(), weight, bought));
              }
            });
  }

  private void crossSessionPairs(
      ShopperProfile before, Activity activity, Map<String, Contribution> pairs) {
    double weight = signals.purchase() * affinity.crossSessionFactor();
    Duration horizon = affinity.coPurchaseHorizon();
    before.purchases().stream()
        .filter(p -> !p.sessionId().equals(activity.sessionId()))
        .filter(p -> !p.productId().equals(activity.productId()))
        .filter(p -> within(p, activity, horizon))
        .limit(affinity.sessionPairs())
        .forEach(p -> add(pairs, new Contribution(p.productId(), weight, weight)));
  }

  private static boolean alreadyBoughtInSession(ShopperProfile before, Activity activity) {
    return before.continuesSession(activity)
        && before
            .sessionItem(activity.productId())
            .map(item -> item.level() == ActivityType.PURCHASE)
            .orElse(false);
  }

  private static boolean within(Purchase purchase, Activity activity, Duration horizon) {
    return Duration.between(purchase.at(), activity.eventTime()).abs().compareTo(horizon) <= 0;
  }

  private static void add(Map<String, Contribution> pairs, Contribution c) {
    pairs.merge(
        c.productId(),
        c,
        (a, b) ->
            new Contribution(a.productId(), a.weight() + b.weight(), a.bought() + b.bought()));
  }
}
