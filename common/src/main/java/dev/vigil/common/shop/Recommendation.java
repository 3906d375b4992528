package dev.vigil.common.shop;

import java.math.BigDecimal;

/**
 * One recommended product, with the catalogue's name, category and price (in the shop's currency)
 * at the time of the recommendation. {@code score} ranks the products of one list, higher first;
 * {@code because} is the product id or category that {@code basis} refers to ({@code null} for
 * shop-wide trending), and {@code reason} says it in a sentence.
 */
public record Recommendation(
    String productId,
    String name,
    String category,
    BigDecimal price,
    double score,
    RecommendationBasis basis,
    String because,
    String reason) {}
