package dev.vigil.recommendation.activity;

/**
 * An activity on a product that is not in {@code shop.products}. Thrown before the activity changes
 * anything, so the dead-letter handler keeps the record (reason {@code processing}) and the stream
 * carries on; it can be replayed once the product is published.
 */
public class UnknownProductException extends RuntimeException {

  public UnknownProductException(String productId) {
    super("productId " + productId + " is not in shop.products");
  }
}
