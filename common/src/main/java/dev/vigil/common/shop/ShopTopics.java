package dev.vigil.common.shop;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.topic.Topic;
import dev.vigil.common.topic.TopicAccess;
import java.util.List;

/** The topics of the e-commerce domain, with their keys and formats. */
public final class ShopTopics {

  /** Keyed by user id. */
  public static final Topic<String, Activity> ACTIVITY =
      Topic.events("shop.activity", serdeFor(Activity.class));

  /** Keyed by product id. */
  public static final Topic<String, Product> PRODUCTS =
      Topic.table("shop.products", serdeFor(Product.class));

  /** Keyed by user id. */
  public static final Topic<String, Recommendations> RECOMMENDATIONS =
      Topic.events("shop.recommendations", serdeFor(Recommendations.class));

  /** Keyed by category; the latest value per category is its current trending list. */
  public static final Topic<String, Trending> TRENDING =
      Topic.table("shop.trending", serdeFor(Trending.class));

  /** Keyed by product id; the latest value per product is what it is related to now. */
  public static final Topic<String, RelatedProducts> RELATED =
      Topic.table("shop.related", serdeFor(RelatedProducts.class));

  /**
   * What the recommendation service reads and writes; it reads back the related products and
   * trending lists it writes, as global tables.
   */
  public static final TopicAccess SERVICE_ACCESS =
      new TopicAccess(
          List.of(ACTIVITY, PRODUCTS, RELATED, TRENDING),
          List.of(RECOMMENDATIONS, RELATED, TRENDING));

  public static final List<Topic<String, ?>> ALL =
      List.of(ACTIVITY, PRODUCTS, RECOMMENDATIONS, TRENDING, RELATED);

  private ShopTopics() {}
}
