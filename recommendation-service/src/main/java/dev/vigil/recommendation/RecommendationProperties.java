package dev.vigil.recommendation;

import dev.vigil.common.shop.ActivityType;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Recommendation settings ({@code vigil.recommendation.*}). The limits keep every piece of state
 * well below the 64 KiB a stored value may have, however long its ids.
 *
 * @param listSize products per recommendation list
 * @param signals how much each kind of activity counts
 * @param affinity how item-to-item affinity is learned
 * @param trending how trending products are counted and published
 * @param shoppers what is kept per shopper, and for how long
 * @param ranking how a shopper's list is put together
 */
@ConfigurationProperties(RecommendationProperties.PREFIX)
public record RecommendationProperties(
    @DefaultValue("10") int listSize,
    @DefaultValue Signals signals,
    @DefaultValue Affinity affinity,
    @DefaultValue Trending trending,
    @DefaultValue Shoppers shoppers,
    @DefaultValue Ranking ranking) {

  public static final String PREFIX = "vigil.recommendation";

  public RecommendationProperties {
    atMost(listSize, 20, "list-size");
    atMost(affinity.neighbours(), 100, "affinity.neighbours");
    atMost(trending.size(), 50, "trending.size");
    atMost(trending.candidates(), 200, "trending.candidates");
    atMost(shoppers.sessionItems(), 50, "shoppers.session-items");
    atMost(shoppers.purchases(), 100, "shoppers.purchases");
    atMost(shoppers.eventIds(), 50, "shoppers.event-ids");
    if (trending.window().toMillis() % trending.advance().toMillis() != 0) {
      // A window is made of whole panes, one per advance interval.
      throw new IllegalArgumentException(
          PREFIX + ".trending.window must be a whole number of trending.advance intervals");
    }
    if (trending.candidates() < trending.size()) {
      throw new IllegalArgumentException(
          PREFIX + ".trending.candidates must be at least trending.size");
    }
  }

  /** The built-in defaults, as a configuration without any {@code vigil.recommendation} gets. */
  public static RecommendationProperties defaults() {
    return of(Map.of());
  }

  /** The defaults with some settings changed, named as in the configuration. */
  public static RecommendationProperties of(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate(PREFIX, RecommendationProperties.class);
  }

  /** Products a shopper was recently shown, kept to demote them: a few lists' worth. */
  public int shownToRemember() {
    return 3 * listSize;
  }

  private static void atMost(int value, int max, String name) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(PREFIX + "." + name + " must be between 1 and " + max);
    }
  }

  /**
   * How much each kind of activity counts, in points: for affinity, trending and as a seed of a
   * shopper's list. Removing from the cart counts nothing.
   */
  public record Signals(
      @DefaultValue("1") double view,
      @DefaultValue("3") double addToCart,
      @DefaultValue("5") double purchase) {

    public double weight(ActivityType type) {
      return switch (type) {
        case VIEW -> view;
        case ADD_TO_CART -> addToCart;
        case PURCHASE -> purchase;
        case REMOVE_FROM_CART -> 0;
      };
    }
  }

  /**
   * @param neighbours related products kept per product (top K)
   * @param halfLife event time after which a learned affinity counts half
   * @param sessionPairs the newest items of a session a new one is paired with
   * @param crossSessionFactor what buying two products in different sessions counts, as a fraction
   *     of a purchase
   * @param coPurchaseHorizon the longest time between two purchases that still relates them
   */
  public record Affinity(
      @DefaultValue("50") int neighbours,
      @DefaultValue("7d") Duration halfLife,
      @DefaultValue("10") int sessionPairs,
      @DefaultValue("0.5") double crossSessionFactor,
      @DefaultValue("30d") Duration coPurchaseHorizon) {}

  /**
   * @param window length of a trending window
   * @param advance how often a new window starts, and so how often a category's list is published
   * @param grace how long after a window ends activity still counts in it
   * @param size products per published list (top N)
   * @param candidates products counted per category and window; the least active are replaced when
   *     more come (space-saving), which keeps the counts bounded
   * @param staleAfter a list older than this, relative to a shopper's activity, is not used for
   *     recommendations
   */
  public record Trending(
      @DefaultValue("1h") Duration window,
      @DefaultValue("5m") Duration advance,
      @DefaultValue("1m") Duration grace,
      @DefaultValue("10") int size,
      @DefaultValue("100") int candidates,
      @DefaultValue("24h") Duration staleAfter) {}

  /**
   * @param sessionItems most recent products kept of the current session
   * @param purchases most recent purchases kept, also to exclude them from recommendations
   * @param eventIds most recent event ids kept, to ignore a redelivered duplicate
   * @param grace an activity older than this before the shopper's newest still updates their
   *     history and affinity, but is too late to trigger recommendations
   * @param ttl a shopper without activity for this long is forgotten
   * @param expiryInterval how often (in stream time) forgotten shoppers are swept
   */
  public record Shoppers(
      @DefaultValue("20") int sessionItems,
      @DefaultValue("50") int purchases,
      @DefaultValue("20") int eventIds,
      @DefaultValue("10m") Duration grace,
      @DefaultValue("30d") Duration ttl,
      @DefaultValue("1h") Duration expiryInterval) {}

  /**
   * @param sessionSeeds most recent session items that seed a list
   * @param sessionRecency weight of each older session item relative to the next newer one
   * @param historyWeight weight of a past purchase relative to an item of the current session
   * @param historySeeds most recent past purchases that seed a list
   * @param support pseudo-count that damps affinity learned from few co-interactions
   * @param categoryTrendingWeight weight of the trending products of the categories the shopper
   *     looks at, relative to affinity
   * @param trendingWeight weight of the shop's trending products, relative to affinity
   * @param repeatWindow a product shown within this time is demoted
   * @param repeatDemotion factor applied to a recently shown product's score
   * @param consumableTag products with this tag may be recommended again after being bought
   */
  public record Ranking(
      @DefaultValue("10") int sessionSeeds,
      @DefaultValue("0.7") double sessionRecency,
      @DefaultValue("0.5") double historyWeight,
      @DefaultValue("10") int historySeeds,
      @DefaultValue("5") double support,
      @DefaultValue("0.1") double categoryTrendingWeight,
      @DefaultValue("0.04") double trendingWeight,
      @DefaultValue("30m") Duration repeatWindow,
      @DefaultValue("0.5") double repeatDemotion,
      @DefaultValue("consumable") String consumableTag) {}
}
