package dev.vigil.recommendation.evaluation;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A shop and its shoppers, generated from a fixed seed, with structure a recommender can find but
 * is not told: each shopper prefers one or two product categories (some categories are more popular
 * than others, and within a category a few products are much more popular than the rest); many
 * purchases of a main product come with one of its companion accessories, in the same session or a
 * later one. A fraction of sessions is random browsing.
 *
 * <p>Each shopper's last purchase is held out: the shopper's activity stops just before they first
 * touch that product in its session, and what was recommended to them at that moment is scored.
 */
final class SyntheticShop {

  /** Main categories and how many shoppers prefer each, relatively. */
  private static final Map<String, Double> CATEGORIES =
      new TreeMap<>(
          Map.of(
              "laptops", 0.22,
              "phones", 0.22,
              "headphones", 0.16,
              "cameras", 0.12,
              "coffee-machines", 0.14,
              "bikes", 0.14));

  private static final int MAIN_PRODUCTS = 20;
  private static final int ACCESSORIES = 12;
  private static final int COMPANIONS = 2;
  private static final double BUY_IN_SESSION = 0.6;
  private static final double BUY_COMPANION = 0.7;
  private static final double COMPANION_SAME_SESSION = 0.7;
  private static final double PREFERRED_SESSION = 0.85;
  private static final Duration SPAN = Duration.ofDays(4);
  private static final Duration SESSION_GAP = Duration.ofHours(1);

  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  private final Random random;
  private final List<Product> catalogue = new ArrayList<>();
  private final Map<String, List<String>> productsByCategory = new TreeMap<>();
  private final Map<String, String> accessoryCategory = new TreeMap<>();
  private final Map<String, List<String>> companions = new TreeMap<>();

  /** One shopper's activity up to the held-out purchase, and that purchase. */
  record Shopper(String userId, List<Activity> activity, String heldOut, Instant cut) {}

  SyntheticShop(long seed) {
    random = new Random(seed);
    for (String category : CATEGORIES.keySet()) {
      String accessories = category + "-accessories";
      accessoryCategory.put(category, accessories);
      boolean consumable = category.equals("coffee-machines");
      List<String> mains = addProducts(category, MAIN_PRODUCTS, false);
      List<String> extras = addProducts(accessories, ACCESSORIES, consumable);
      for (String main : mains) {
        List<String> bundle = new ArrayList<>();
        while (bundle.size() < COMPANIONS) {
          String companion = extras.get(zipf(extras.size()));
          if (!bundle.contains(companion)) {
            bundle.add(companion);
          }
        }
        companions.put(main, bundle);
      }
    }
  }

  List<Product> catalogue() {
    return catalogue;
  }

  List<Shopper> shoppers(int count) {
    List<Shopper> shoppers = new ArrayList<>(count);
    while (shoppers.size() < count) {
      Shopper shopper = shopper("shopper-" + shoppers.size());
      if (shopper != null) {
        shoppers.add(shopper);
      }
    }
    return shoppers;
  }

  private List<String> addProducts(String category, int count, boolean consumable) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = category + "-" + i;
      ids.add(id);
      catalogue.add(
          new Product(
              id,
              category + " " + i,
              category,
              new BigDecimal(10 + random.nextInt(990)),
              true,
              consumable ? List.of("consumable") : List.of()));
    }
    productsByCategory.put(category, ids);
    return ids;
  }

  /** A shopper's whole history, cut before the last purchase; {@code null} without purchases. */
  private Shopper shopper(String userId) {
    List<String> preferred = new ArrayList<>();
    preferred.add(weightedCategory());
    if (random.nextBoolean()) {
      String second = weightedCategory();
      if (!preferred.contains(second)) {
        preferred.add(second);
      }
    }
    int sessions = 2 + random.nextInt(5);
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      starts.add(START.plusSeconds((long) (random.nextDouble() * SPAN.toSeconds())));
    }
    starts.sort(null);
    for (int i = 1; i < sessions; i++) {
      Instant earliest = starts.get(i - 1).plus(SESSION_GAP);
      if (starts.get(i).isBefore(earliest)) {
        starts.set(i, earliest);
      }
    }
    List<Activity> all = new ArrayList<>();
    List<String> pendingCompanions = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      session(userId, userId + "-s" + s, starts.get(s), preferred, pendingCompanions, all);
    }
    int last = lastPurchase(all);
    if (last < 0) {
      return null;
    }
    Activity heldOut = all.get(last);
    int cut = last;
    for (int i = last; i >= 0 && all.get(i).sessionId().equals(heldOut.sessionId()); i--) {
      if (all.get(i).productId().equals(heldOut.productId())) {
        cut = i;
      }
    }
    if (cut == 0) {
      return null;
    }
    return new Shopper(
        userId, List.copyOf(all.subList(0, cut)), heldOut.productId(), all.get(cut).eventTime());
  }

  private void session(
      String userId,
      String sessionId,
      Instant start,
      List<String> preferred,
      List<String> pendingCompanions,
      List<Activity> out) {
    Clock clock = new Clock(start);
    if (!pendingCompanions.isEmpty() && random.nextDouble() < 0.5) {
      String companion = pendingCompanions.remove(0);
      out.add(event(userId, sessionId, ActivityType.VIEW, companion, clock.tick()));
      out.add(event(userId, sessionId, ActivityType.ADD_TO_CART, companion, clock.tick()));
      out.add(event(userId, sessionId, ActivityType.PURCHASE, companion, clock.tick()));
      return;
    }
    String category =
        random.nextDouble() < PREFERRED_SESSION
            ? preferred.get(random.nextInt(preferred.size()))
            : weightedCategory();
    List<String> products = productsByCategory.get(category);
    Set<String> viewed = new LinkedHashSet<>();
    int views = 2 + random.nextInt(5);
    while (viewed.size() < views) {
      viewed.add(products.get(zipf(products.size())));
    }
    viewed.forEach(p -> out.add(event(userId, sessionId, ActivityType.VIEW, p, clock.tick())));
    if (random.nextDouble() >= BUY_IN_SESSION) {
      return;
    }
    List<String> candidates = new ArrayList<>(viewed);
    String bought = candidates.get(zipf(candidates.size()));
    out.add(event(userId, sessionId, ActivityType.ADD_TO_CART, bought, clock.tick()));
    out.add(event(userId, sessionId, ActivityType.PURCHASE, bought, clock.tick()));
    if (random.nextDouble() >= BUY_COMPANION) {
      return;
    }
    List<String> bundle = companions.get(bought);
    String companion = bundle.get(random.nextInt(bundle.size()));
    if (random.nextDouble() >= COMPANION_SAME_SESSION) {
      pendingCompanions.add(companion);
      return;
    }
    List<String> accessories = productsByCategory.get(accessoryCategory.get(category));
    String browsed = accessories.get(zipf(accessories.size()));
    out.add(event(userId, sessionId, ActivityType.VIEW, browsed, clock.tick()));
    out.add(event(userId, sessionId, ActivityType.VIEW, companion, clock.tick()));
    out.add(event(userId, sessionId, ActivityType.ADD_TO_CART, companion, clock.tick()));
    out.add(event(userId, sessionId, ActivityType.PURCHASE, companion, clock.tick()));
  }

  private static int lastPurchase(List<Activity> all) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).type() == ActivityType.PURCHASE) {
        return i;
      }
    }
    return -1;
  }

  private Activity event(
      String userId, String sessionId, ActivityType type, String productId, Instant at) {
    return new Activity(
        userId + "-" + at.toEpochMilli() + "-" + type,
        userId,
        sessionId,
        type,
        productId,
        1,
        null,
        at);
  }

  private String weightedCategory() {
    double r = random.nextDouble();
    for (Map.Entry<String, Double> e : CATEGORIES.entrySet()) {
      r -= e.getValue();
      if (r < 0) {
        return e.getKey();
      }
    }
    return CATEGORIES.keySet().iterator().next();
  }

  /** An index in [0, n) drawn from a Zipf distribution with exponent 1: 0 most often. */
  private int zipf(int n) {
    double norm = 0;
    for (int i = 1; i <= n; i++) {
      norm += 1.0 / i;
    }
    double r = random.nextDouble() * norm;
    for (int i = 1; i <= n; i++) {
      r -= 1.0 / i;
      if (r < 0) {
        return i - 1;
      }
    }
    return n - 1;
  }

  /** Time within a session: 20 to 80 seconds between a shopper's actions. */
  private final class Clock {
    private Instant now;

    Clock(Instant start) {
      now = start;
    }

    Instant tick() {
      now = now.plusSeconds(20 + random.nextInt(61));
      return now;
    }
  }
}
