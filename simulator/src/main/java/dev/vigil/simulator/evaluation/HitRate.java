package dev.vigil.simulator.evaluation;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.Recommendations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hit-rate@10 of the recommendations a run's shoppers were shown, against recommending the shop's
 * most bought products. For every purchase, the list the shopper had just before they first touched
 * the product in that session is scored: a hit if the product is among its ten. The baseline's list
 * at the same moment is the ten products bought most in the run until then, without those the
 * shopper had already bought. Purchases before the shopper's first list are not scored.
 */
public final class HitRate {

  static final int K = 10;

  private HitRate() {}

  /** The scores; the activity may contain redelivered duplicates, counted once. */
  public static Result evaluate(List<Activity> activity, List<Recommendations> lists) {
    List<Activity> events = new ArrayList<>(dedupe(activity));
    events.sort(Comparator.comparing(Activity::eventTime).thenComparing(Activity::eventId));
    Map<String, TreeMap<Instant, List<String>>> shown = new HashMap<>();
    for (Recommendations list : lists) {
      shown
          .computeIfAbsent(list.userId(), u -> new TreeMap<>())
          .put(
              list.eventTime(),
              list.items().stream().limit(K).map(Recommendation::productId).toList());
    }
    Map<String, Instant> firstTouch = new HashMap<>();
    Map<String, Integer> bought = new HashMap<>();
    Map<String, Set<String>> owned = new HashMap<>();
    int scored = 0;
    int hits = 0;
    int baselineHits = 0;
    for (Activity event : events) {
      firstTouch.putIfAbsent(
          event.userId() + "\u0000" + event.sessionId() + "\u0000" + event.productId(),
          event.eventTime());
      if (event.type() != ActivityType.PURCHASE) {
        continue;
      }
      Instant touched =
          firstTouch.get(
              event.userId() + "\u0000" + event.sessionId() + "\u0000" + event.productId());
      TreeMap<Instant, List<String>> userLists = shown.get(event.userId());
      Map.Entry<Instant, List<String>> list =
          userLists == null ? null : userLists.lowerEntry(touched);
      Set<String> mine = owned.computeIfAbsent(event.userId(), u -> new HashSet<>());
      if (list != null) {
        scored++;
        if (list.getValue().contains(event.productId())) {
          hits++;
        }
        if (popular(bought, mine).contains(event.productId())) {
          baselineHits++;
        }
      }
      bought.merge(event.productId(), 1, Integer::sum);
      mine.add(event.productId());
    }
    return new Result(
        scored,
        scored == 0 ? null : (double) hits / scored,
        scored == 0 ? null : (double) baselineHits / scored);
  }

  /**
   * The counts are those of purchases processed so far, all before this one in event time; a
   * purchase made between the first touch and the purchase is counted too, which favours the
   * baseline slightly.
   */
  private static List<String> popular(Map<String, Integer> bought, Set<String> owned) {
    return bought.entrySet().stream()
        .filter(e -> !owned.contains(e.getKey()))
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(K)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static List<Activity> dedupe(List<Activity> activity) {
    Map<String, Activity> byId = new LinkedHashMap<>();
    activity.forEach(a -> byId.putIfAbsent(a.eventId(), a));
    return List.copyOf(byId.values());
  }

  /**
   * @param purchases purchases scored
   * @param vigil the service's hit-rate@10; null without scored purchases
   * @param popularity the baseline's
   */
  public record Result(int purchases, Double vigil, Double popularity) {}
}
