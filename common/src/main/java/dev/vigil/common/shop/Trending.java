package dev.vigil.common.shop;

import java.time.Instant;
import java.util.List;

/**
 * A category's most active products in the window from {@code windowStart} (inclusive) to {@code
 * windowEnd} (exclusive), best first, keyed by category on {@code shop.trending}.
 */
public record Trending(
    String category, Instant windowStart, Instant windowEnd, List<TrendingProduct> products) {

  public Trending {
    products = List.copyOf(products);
  }

  /**
   * A product's place in its category: {@code score} is its weighted activity in the window (a view
   * counts 1, an add-to-cart 3, a purchase 5, by default).
   */
  public record TrendingProduct(String productId, int rank, double score) {}
}
