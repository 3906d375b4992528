package dev.vigil.recommendation.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product and what shoppers interact with together with it, strongest first. Scores are in signal
 * points as of {@code asOf} (see {@code shop.related}); {@code product} is {@code null} if the
 * product has left the catalogue.
 */
record RelatedView(String productId, ProductView product, Instant asOf, List<Item> related) {

  /** The catalogue's view of a product. */
  record ProductView(String name, String category, BigDecimal price, boolean inStock) {}

  /** A related product. */
  record Item(String productId, ProductView product, double score, double boughtScore) {}
}
