package dev.vigil.recommendation;

import static dev.vigil.common.testing.TestDrivers.input;
import static dev.vigil.common.testing.TestDrivers.output;

import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.RelatedProducts.RelatedProduct;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.shop.Trending;
import dev.vigil.common.testing.TestDrivers;
import dev.vigil.recommendation.shopper.ShopperProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the recommendation topology in a TopologyTestDriver with the built-in defaults, over a small
 * shop: laptops with their bags and mice, phones with their cases, and coffee, which is consumable.
 */
public abstract class RecommendationTopologyTestBase {

  public static final Instant BEGINNING = Instant.parse("2026-03-02T09:00:00Z");
  public static final Instant ONE_MINUTE_LATER = BEGINNING.plus(Duration.ofMinutes(1));
  public static final Instant TEN_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(10));
  public static final Instant ONE_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));
  public static final Instant ONE_DAY_LATER = BEGINNING.plus(Duration.ofDays(1));

  public static final String LAPTOP = "laptop-pro-14";
  public static final String OTHER_LAPTOP = "laptop-air-13";
  public static final String BAG = "laptop-bag";
  public static final String MOUSE = "wireless-mouse";
  public static final String PHONE = "phone-x";
  public static final String CASE = "phone-case";
  public static final String COFFEE = "coffee-beans";

  protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  protected Topology topology;
  protected TopologyTestDriver driver;
  protected TestInputTopic<String, Activity> activity;
  protected TestInputTopic<String, Product> products;
  protected TestOutputTopic<String, Recommendations> recommendations;
  protected TestOutputTopic<String, Trending> trending;
  protected TestOutputTopic<String, RelatedProducts> related;
  private int events;

  /** The configuration under test; subclasses may change settings. */
  protected RecommendationProperties properties() {
    return RecommendationProperties.defaults();
  }

  /** Where the stores keep their data: RocksDB, as deployed, unless a test needs speed. */
  protected Storage storage() {
    return Storage.PERSISTENT;
  }

  /** Settings changed from the defaults, named as in the configuration. */
  protected static RecommendationProperties with(String... settings) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < settings.length; i += 2) {
      map.put(RecommendationProperties.PREFIX + "." + settings[i], settings[i + 1]);
    }
    return RecommendationProperties.of(map);
  }

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    new RecommendationTopology(properties(), new VigilMetrics(registry), storage()).build(builder);
    topology = builder.build();
    driver = TestDrivers.create(topology, BEGINNING);
    activity = input(driver, ShopTopics.ACTIVITY);
    products = input(driver, ShopTopics.PRODUCTS);
    recommendations = output(driver, ShopTopics.RECOMMENDATIONS);
    trending = output(driver, ShopTopics.TRENDING);
    related = output(driver, ShopTopics.RELATED);
    catalogue(
        product(LAPTOP, "Laptop Pro 14", "laptops"),
        product(OTHER_LAPTOP, "Laptop Air 13", "laptops"),
        product(BAG, "Laptop Bag", "bags"),
        product(MOUSE, "Wireless Mouse", "accessories"),
        product(PHONE, "Phone X", "phones"),
        product(CASE, "Phone Case", "accessories"),
        new Product(
            COFFEE,
            "Coffee Beans",
            "grocery",
            new BigDecimal("12.50"),
            true,
            List.of("consumable")));
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  public static Product product(String id, String name, String category) {
    return new Product(id, name, category, new BigDecimal("100.00"), true, List.of());
  }

  protected void catalogue(Product... updates) {
    for (Product product : updates) {
      products.pipeInput(product.productId(), product);
    }
  }

  protected void outOfStock(String productId) {
    Product p =
        driver.<String, Product>getKeyValueStore(RecommendationStores.PRODUCTS).get(productId);
    catalogue(new Product(p.productId(), p.name(), p.category(), p.price(), false, p.tags()));
  }

  protected void backInStock(String productId) {
    Product p =
        driver.<String, Product>getKeyValueStore(RecommendationStores.PRODUCTS).get(productId);
    catalogue(new Product(p.productId(), p.name(), p.category(), p.price(), true, p.tags()));
  }

  protected Activity activity(
      String userId, String sessionId, ActivityType type, String productId, Instant at) {
    return new Activity("ev-" + ++events, userId, sessionId, type, productId, 1, null, at);
  }

  protected void act(Activity... activities) {
    for (Activity a : activities) {
      activity.pipeInput(a.userId(), a);
    }
  }

  /** Shopper {@code userId} does {@code type} on each product in turn, in one session. */
  protected void session(
      String userId, String sessionId, ActivityType type, Instant at, String... productIds) {
    for (String productId : productIds) {
      act(activity(userId, sessionId, type, productId, at));
    }
  }

  protected void view(String userId, String productId, Instant at) {
    act(activity(userId, userId + "-session", ActivityType.VIEW, productId, at));
  }

  /** One shopper views and buys each product, in one session. */
  protected void buyTogether(String userId, Instant at, String... productIds) {
    session(userId, userId + "-session", ActivityType.VIEW, at, productIds);
    session(userId, userId + "-session", ActivityType.PURCHASE, at, productIds);
  }

  /** Every list emitted so far, in order; reading consumes them. */
  protected List<Recommendations> lists() {
    return recommendations.readValuesToList();
  }

  /** The newest list emitted for a shopper, after reading every list emitted so far. */
  protected Optional<Recommendations> latestFor(String userId) {
    List<Recommendations> forUser = new ArrayList<>();
    lists().stream().filter(r -> r.userId().equals(userId)).forEach(forUser::add);
    return forUser.isEmpty() ? Optional.empty() : Optional.of(forUser.get(forUser.size() - 1));
  }

  protected List<String> recommendedTo(String userId) {
    return latestFor(userId).map(Recommendations::productIds).orElse(List.of());
  }

  protected static Optional<Recommendation> item(Recommendations list, String productId) {
    return list.items().stream().filter(i -> i.productId().equals(productId)).findFirst();
  }

  protected RelatedProducts learned(String productId) {
    return driver
        .<String, RelatedProducts>getKeyValueStore(RecommendationStores.PRODUCT_NEIGHBOURS)
        .get(productId);
  }

  protected double affinity(String productId, String relatedId) {
    RelatedProducts learned = learned(productId);
    return learned == null
        ? 0
        : learned.related().stream()
            .filter(r -> r.productId().equals(relatedId))
            .mapToDouble(RelatedProduct::score)
            .findFirst()
            .orElse(0);
  }

  /** The ids in a time index, by time: each entry's key is its time as eight bytes, then the id. */
  protected List<String> indexed(String indexStore) {
    List<String> ids = new ArrayList<>();
    try (var entries = driver.<Bytes, byte[]>getKeyValueStore(indexStore).all()) {
      entries.forEachRemaining(
          e -> ids.add(new String(e.key.get(), 8, e.key.get().length - 8, StandardCharsets.UTF_8)));
    }
    return ids;
  }

  protected ShopperProfile shopper(String userId) {
    return driver
        .<String, ShopperProfile>getKeyValueStore(RecommendationStores.SHOPPERS)
        .get(userId);
  }
}
