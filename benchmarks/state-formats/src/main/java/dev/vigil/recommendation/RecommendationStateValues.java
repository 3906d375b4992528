package dev.vigil.recommendation;

import dev.vigil.benchmarks.formats.StateValue;
import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.RelatedProducts.RelatedProduct;
import dev.vigil.recommendation.affinity.AffinityLearning;
import dev.vigil.recommendation.shopper.ShopperProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recommendation service's state: a shopper's profile with every bounded list full, as an
 * active shopper's is after a few sessions, and a product's neighbours at their bound.
 */
public final class RecommendationStateValues {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final ActivityType[] TYPES = {
    ActivityType.VIEW, ActivityType.VIEW, ActivityType.ADD_TO_CART, ActivityType.PURCHASE
  };

  private RecommendationStateValues() {}

  public static List<StateValue<?>> all() {
    RecommendationProperties properties = RecommendationProperties.defaults();
    return List.of(
        StateValue.of(
            "recommendation.ShopperProfile",
            fullProfile(properties),
            ShopperProfile.class,
            ShopperProfile.SERDE),
        StateValue.of(
            "recommendation.RelatedProducts",
            neighbours(properties.affinity().neighbours()),
            RelatedProducts.class,
            AffinityLearning.NEIGHBOURS_SERDE));
  }

  /** A profile after 200 activities over ten sessions, with the latest list shown. */
  private static ShopperProfile fullProfile(RecommendationProperties properties) {
    ShopperProfile profile = ShopperProfile.NEW;
    Instant at = START;
    for (int i = 0; i < 200; i++) {
      at = at.plus(Duration.ofSeconds(40));
      ActivityType type = TYPES[i % TYPES.length];
      profile =
          profile.remember(
              new Activity(
                  "ev-" + i,
                  "shopper-42",
                  "session-" + i / 20,
                  type,
                  "product-" + (i * 7 % 120),
                  type == ActivityType.VIEW ? null : 1,
                  type == ActivityType.VIEW ? null : new BigDecimal("19.90"),
                  at),
              properties.shoppers());
    }
    List<Recommendation> items = new ArrayList<>();
    for (int i = 0; i < properties.listSize(); i++) {
      items.add(
          new Recommendation(
              "product-" + (200 + i),
              "Product " + (200 + i),
              "category-" + i % 4,
              new BigDecimal("24.50"),
              0.5 / (i + 1),
              RecommendationBasis.VIEWED_TOGETHER,
              "product-7",
              "Viewed together with Product 7"));
    }
    return profile.showing(
        new Recommendations("shopper-42", "ev-199", ActivityType.VIEW, "product-7", items, at),
        properties.ranking().repeatWindow(),
        properties.shownToRemember());
  }

  private static RelatedProducts neighbours(int count) {
    List<RelatedProduct> related = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      related.add(new RelatedProduct("product-" + i, 40.0 / (i + 1), 10.0 / (i + 1)));
    }
    return new RelatedProducts("product-7", START, related);
  }
}
