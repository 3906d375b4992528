package dev.vigil.recommendation;

/**
 * The recommendation service's state stores. Their names are part of the deployed state: each names
 * a changelog topic, so renaming one loses that state on upgrade. A store whose layout changes gets
 * a new name instead, so that its old changelog is never read in the new layout: the {@code -v2}
 * stores keep their values in the binary state format, which their predecessors ({@code shoppers},
 * {@code product-neighbours}, {@code trending-panes}, {@code category-trending}) kept in JSON.
 */
public final class RecommendationStores {

  /** User id → the shopper's session, purchases, shown products and latest list. */
  public static final String SHOPPERS = "shoppers-v2";

  /** The shoppers by their last activity, oldest first: who is forgotten next. */
  public static final String SHOPPER_EXPIRY = "shopper-expiry";

  /** Product id → its learned neighbours; partitioned by product, the learning's own state. */
  public static final String PRODUCT_NEIGHBOURS = "product-neighbours-v2";

  /**
   * Windows of one advance interval, one per category and pane: the activity per product in that
   * pane of the trending windows.
   */
  public static final String TRENDING_PANES = "trending-panes-v2";

  /** The categories by when their next trending window closes: whose list is published next. */
  public static final String TRENDING_DUE = "trending-due";

  /** Category → its latest published trending list; partitioned by category. */
  public static final String CATEGORY_TRENDING = "category-trending-v2";

  /** Global: product id → product, from {@code shop.products}. */
  public static final String PRODUCTS = "products";

  /** Global: product id → related products, from {@code shop.related}. */
  public static final String RELATED = "related-products";

  /** Global: category → trending list, from {@code shop.trending}. */
  public static final String TRENDING = "trending";

  private RecommendationStores() {}
}
