package dev.vigil.simulator.shop;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.label.LabelTopics;
import dev.vigil.simulator.label.Labels;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * An endless, deterministic stream of shop activity: returning shoppers, each with a hidden
 * preference for one category, browse it in sessions of views, carts and purchases (a few products
 * of each category much more popular than the rest), and most who buy a laptop, phone or espresso
 * machine take one of its accessories with it, a co-purchase bundle the service has to learn. Each
 * {@link #CYCLE} tells the same stories with other shoppers: someone buys a laptop with its bag,
 * and a minute later a newcomer views that laptop (and should be recommended the bag, bought
 * together with it); a flash sale makes one product trend ({@code FLASH_SALE}, labelled); the
 * wireless mouse sells out for three minutes ({@code STOCK_OUT}, labelled).
 */
public final class ShopStream {

  /** How often the stories repeat. */
  public static final Duration CYCLE = Duration.ofMinutes(10);

  public static final int DEFAULT_SHOPPERS = 200;

  static final String LAPTOP = "laptop-pro-14";
  static final String SOLD_OUT = "wireless-mouse";
  static final String COFFEE = "coffee-beans";

  /**
   * When, in each cycle: a laptop is bought with its bag, a newcomer views that laptop, a flash
   * sale, the mouse sells out, and is restocked.
   */
  private static final List<Duration> STORIES_AT =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(4),
          Duration.ofMinutes(6),
          Duration.ofMinutes(9));

  private static final int FLASH_SALE_BUYERS = 6;
  private static final List<String> MAIN_CATEGORIES =
      List.of("laptops", "phones", "headphones", "coffee", "cameras", "gaming");

  /** Each main category has this many products; each added model its own accessory. */
  private static final int MODELS_PER_CATEGORY = 12;

  /** What each main category's own accessories are, and the category's generic one. */
  private static final Map<String, List<String>> ACCESSORIES =
      Map.of(
          "laptops", List.of("sleeve", "usb-c-hub"),
          "phones", List.of("case", "fast-charger"),
          "headphones", List.of("pouch", "fast-charger"),
          "coffee", List.of("descaler", COFFEE),
          "cameras", List.of("lens", "memory-card"),
          "gaming", List.of("controller", "headset-stand"));

  private static final int MAX_VIEWS = 5;

  private final Instant start;
  private final Random random;
  private final Duration pace;
  private final int shoppers;
  private final Labels labels;
  private final String runTag;
  private final Map<String, Product> catalogue = new LinkedHashMap<>();
  private final Map<String, List<String>> byCategory = new LinkedHashMap<>();
  private final Map<String, List<String>> companions = new LinkedHashMap<>();
  private final Deque<Step> pending = new ArrayDeque<>();
  private long slot;
  private long visits;
  private long storyCycle;
  private int nextStory;

  /** One record of the stream: an activity or, for a stock change, a product update. */
  public record Step(Activity activity, Product product, Instant eventTime, boolean incident) {}

  /** The scenario's rate is activities per second; its entities, shoppers. */
  public ShopStream(Scenario scenario) {
    this.start = scenario.start();
    this.random = new Random(scenario.seed());
    this.pace = Duration.ofNanos(1_000_000_000L / scenario.eventsPerSecond());
    this.shoppers = scenario.entitiesOr(DEFAULT_SHOPPERS);
    this.labels = new Labels(LabelTopics.SHOP, scenario, start, shoppers);
    // Event ids are unique per run, so a restarted demo's activity never looks like redelivery.
    this.runTag = Long.toString(start.getEpochSecond(), 36);
    add("laptops", "laptop-pro-14", "Laptop Pro 14", "1299.00");
    add("laptops", "laptop-air-13", "Laptop Air 13", "999.00");
    add("laptops", "laptop-gamer-16", "Laptop Gamer 16", "1899.00");
    add("phones", "phone-x", "Phone X", "899.00");
    add("phones", "phone-lite", "Phone Lite", "399.00");
    add("headphones", "headphones-nc", "Noise-cancelling Headphones", "299.00");
    add("headphones", "earbuds", "Wireless Earbuds", "149.00");
    add("coffee", "espresso-machine", "Espresso Machine", "449.00");
    add("coffee", "milk-frother", "Milk Frother", "79.00");
    add("coffee", COFFEE, "Coffee Beans 1 kg", "14.50", "consumable");
    add("accessories", "laptop-bag", "Laptop Bag", "59.00");
    add("accessories", SOLD_OUT, "Wireless Mouse", "39.00");
    add("accessories", "usb-c-hub", "USB-C Hub", "49.00");
    add("accessories", "phone-case", "Phone Case", "25.00");
    add("accessories", "fast-charger", "Fast Charger", "35.00");
    for (String laptop : byCategory.get("laptops")) {
      companions.put(laptop, List.of("laptop-bag", SOLD_OUT, "usb-c-hub"));
    }
    for (String phone : byCategory.get("phones")) {
      companions.put(phone, List.of("phone-case", "fast-charger"));
    }
    companions.put("espresso-machine", List.of(COFFEE, "milk-frother"));
    add("accessories", "memory-card", "Memory Card", "29.00");
    add("accessories", "headset-stand", "Headset Stand", "24.00");
    for (String category : MAIN_CATEGORIES) {
      List<String> kinds = ACCESSORIES.get(category);
      for (int model = byCategory.getOrDefault(category, List.of()).size() + 1;
          model <= MODELS_PER_CATEGORY;
          model++) {
        String id = category + "-model-" + model;
        String own = id + "-" + kinds.get(0);
        add(category, id, title(category) + " Model " + model, (199 + model * 50) + ".00");
        add("accessories", own, title(category) + " Model " + model + " " + kinds.get(0), "29.00");
        companions.put(id, List.of(own, kinds.get(1)));
      }
    }
  }

  public List<Product> products() {
    return List.copyOf(catalogue.values());
  }

  public List<SampleEvent<?>> takeLabels() {
    return labels.take();
  }

  /** The next record, in event-time order. */
  public Step next() {
    if (pending.isEmpty()) {
      plan();
    }
    return pending.poll();
  }

  /**
   * Queues the story whose time has come, or else the next visit. A story due during a visit is
   * told right after it, and one still due when its cycle ends is told before the next begins, so
   * the mouse always comes back in stock.
   */
  private void plan() {
    Duration elapsed = Duration.between(start, start.plus(pace.multipliedBy(slot)));
    long cycle = elapsed.dividedBy(CYCLE);
    Duration inCycle = elapsed.minus(CYCLE.multipliedBy(cycle));
    if (nextStory < STORIES_AT.size()
        && (cycle > storyCycle || inCycle.compareTo(STORIES_AT.get(nextStory)) >= 0)) {
      tell(nextStory++, storyCycle);
    } else if (cycle > storyCycle) {
      storyCycle = cycle;
      nextStory = 0;
      visit();
    } else {
      visit();
    }
  }

  private void tell(int story, long cycle) {
    switch (story) {
      case 0 -> {
        String buyer = "laptop-buyer-" + runTag + "-" + cycle;
        for (ActivityType type : List.of(ActivityType.VIEW, ActivityType.PURCHASE)) {
          activity(buyer, buyer + "-s", type, LAPTOP, true);
          activity(buyer, buyer + "-s", type, "laptop-bag", true);
        }
      }
      case 1 -> {
        String newcomer = "newcomer-" + runTag + "-" + cycle;
        activity(newcomer, newcomer + "-s", ActivityType.VIEW, LAPTOP, true);
      }
      case 2 -> flashSale(cycle);
      case 3 -> {
        Instant soldOut = start.plus(pace.multipliedBy(slot));
        Instant restocked = soldOut.plus(STORIES_AT.get(4).minus(STORIES_AT.get(3))).plus(pace);
        labels.add("STOCK_OUT", SOLD_OUT, soldOut, restocked, null, Map.of());
        stock(SOLD_OUT, false);
      }
      default -> stock(SOLD_OUT, true);
    }
  }

  /** A returning shopper browses their category, maybe buys, and often takes an accessory. */
  private void visit() {
    int shopper = random.nextInt(shoppers);
    String userId = String.format(Locale.ROOT, "shopper-%03d", shopper + 1);
    String sessionId = userId + "-" + runTag + "-" + visits++;
    String category =
        random.nextDouble() < 0.8
            ? MAIN_CATEGORIES.get(shopper % MAIN_CATEGORIES.size())
            : MAIN_CATEGORIES.get(random.nextInt(MAIN_CATEGORIES.size()));
    List<String> products = byCategory.get(category);
    List<String> viewed = new ArrayList<>();
    int views = 1 + random.nextInt(MAX_VIEWS);
    for (int i = 0; i < views; i++) {
      String product = products.get(popular(products.size()));
      if (!viewed.contains(product)) {
        viewed.add(product);
        activity(userId, sessionId, ActivityType.VIEW, product, false);
      }
    }
    if (random.nextDouble() < 0.5) {
      return;
    }
    String bought = viewed.get(0);
    activity(userId, sessionId, ActivityType.ADD_TO_CART, bought, false);
    activity(userId, sessionId, ActivityType.PURCHASE, bought, false);
    List<String> extras = companions.getOrDefault(bought, List.of());
    if (!extras.isEmpty() && random.nextDouble() < 0.75) {
      String extra = extras.get(popular(extras.size()));
      activity(userId, sessionId, ActivityType.VIEW, extra, false);
      activity(userId, sessionId, ActivityType.ADD_TO_CART, extra, false);
      activity(userId, sessionId, ActivityType.PURCHASE, extra, false);
    }
  }

  /** Many shoppers buy the same product within a minute: it trends in its category. */
  private void flashSale(long cycle) {
    List<String> all = new ArrayList<>(catalogue.keySet());
    String product = all.get((int) (cycle % all.size()));
    Instant onset = start.plus(pace.multipliedBy(slot));
    Instant end = onset.plus(pace.multipliedBy(2L * FLASH_SALE_BUYERS - 1));
    labels.add("FLASH_SALE", product, onset, end, null, Map.of("buyers", FLASH_SALE_BUYERS));
    for (int i = 0; i < FLASH_SALE_BUYERS; i++) {
      String userId = "bargain-hunter-" + runTag + "-" + cycle + "-" + i;
      activity(userId, userId + "-s", ActivityType.VIEW, product, true);
      activity(userId, userId + "-s", ActivityType.PURCHASE, product, true);
    }
  }

  private void stock(String productId, boolean inStock) {
    Product p = catalogue.get(productId);
    Product update =
        new Product(p.productId(), p.name(), p.category(), p.price(), inStock, p.tags());
    pending.add(new Step(null, update, start.plus(pace.multipliedBy(slot++)), true));
  }

  private void activity(
      String userId, String sessionId, ActivityType type, String productId, boolean incident) {
    Instant at = start.plus(pace.multipliedBy(slot++));
    Activity activity =
        new Activity(
            "ev-" + runTag + "-" + slot,
            userId,
            sessionId,
            type,
            productId,
            1,
            type == ActivityType.VIEW ? null : catalogue.get(productId).price(),
            at);
    pending.add(new Step(activity, null, at, incident));
  }

  /** An index in [0, n), the smaller the likelier: a few products sell most. */
  private int popular(int n) {
    return Math.min(n - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * n / 2.5));
  }

  private static String title(String slug) {
    return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
  }

  private void add(String category, String id, String name, String price, String... tags) {
    catalogue.put(id, new Product(id, name, category, new BigDecimal(price), true, List.of(tags)));
    byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(id);
  }
}
