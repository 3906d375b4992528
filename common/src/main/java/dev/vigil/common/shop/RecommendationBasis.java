package dev.vigil.common.shop;

/** Why a product is recommended. */
public enum RecommendationBasis {
  /** Shoppers who bought a product the shopper looked at or bought also bought this one. */
  BOUGHT_TOGETHER,
  /** Shoppers who looked at a product the shopper looked at also looked at this one. */
  VIEWED_TOGETHER,
  /** Among the most popular products of a category the shopper is looking at. */
  TRENDING_IN_CATEGORY,
  /** Among the most popular products of the shop. */
  TRENDING
}
