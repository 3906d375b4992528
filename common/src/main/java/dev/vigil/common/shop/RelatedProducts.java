package dev.vigil.common.shop;

import java.time.Instant;
import java.util.List;

/**
 * The products shoppers interact with together with {@code productId}, strongest first, keyed by
 * product id on {@code shop.related}. Scores are as of {@code asOf}: they halve with every
 * configured half-life after it.
 */
public record RelatedProducts(String productId, Instant asOf, List<RelatedProduct> related) {

  public RelatedProducts {
    related = related == null ? List.of() : List.copyOf(related);
  }

  /**
   * A related product: {@code score} is the weighted, decayed count of co-interactions (both in one
   * session, or both bought), {@code boughtScore} the part of it from buying both.
   */
  public record RelatedProduct(String productId, double score, double boughtScore) {}
}
