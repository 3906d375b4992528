package dev.vigil.recommendation.trending;

/** One activity's weight for a product, keyed by the product's category. */
public record TrendingSignal(String productId, double weight) {}
