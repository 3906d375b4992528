package dev.vigil.recommendation;

/**
 * The recommendation service's state stores. Their names are part of the deployed state: each names
 * a changelog topic, so renaming one loses that state on upgrade.
 */
public final class RecommendationStores {

  /** User id → the shopper's session, purchases, shown products and latest list. */
  public static final String SHOPPERS = "shoppers";

  /** Product id → its learned neighbours; partitioned by product, the learning's own state. */
  public static final String PRODUCT_NEIGHBOURS = "product-neighbours";

  /** Category and pane start → activity per product in that pane of the trending windows. */
  public static final String TRENDING_PANES = "trending-panes";

  /** Category → its latest published trending list; partitioned by category. */
  public static final String CATEGORY_TRENDING = "category-trending";

  /** Global: product id → product, from {@code shop.products}. */
  public static final String PRODUCTS = "products";

  /** Global: product id → related products, from {@code shop.related}. */
  public static final String RELATED = "related-products";

  /** Global: category → trending list, from {@code shop.trending}. */
  public static final String TRENDING = "trending";

  private RecommendationStores() {}
}
