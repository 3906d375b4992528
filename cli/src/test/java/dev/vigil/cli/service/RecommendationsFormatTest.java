package dev.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.ShopTopics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationsFormatTest {

  private static final Instant MORNING = Instant.parse("2026-03-02T09:01:00Z");

  private static Recommendation item(String id, String name, String reason) {
    return new Recommendation(
        id, name, "x", BigDecimal.TEN, 0.5, RecommendationBasis.BOUGHT_TOGETHER, null, reason);
  }

  @Test
  void shouldShowWhoAfterWhatAndTheFirstThreeWithTheFirstReason() {
    Recommendations list =
        new Recommendations(
            "user-42",
            "ev-1",
            ActivityType.VIEW,
            "laptop-pro-14",
            List.of(
                item("laptop-bag", "Laptop Bag", "Bought together with Laptop Pro 14"),
                item("wireless-mouse", "Wireless Mouse", "Viewed together with Laptop Pro 14"),
                item("usb-c-hub", "USB-C Hub", "Trending in accessories"),
                item("phone-x", "Phone X", "Trending in the shop")),
            MORNING);
    byte[] json =
        ShopTopics.RECOMMENDATIONS
            .valueSerde()
            .serializer()
            .serialize(ShopTopics.RECOMMENDATIONS.name(), list);

    assertThat(new RecommendationsFormat().format(json).render("shop", ZoneOffset.UTC))
        .isEqualTo(
            "09:01:00  shop  RECS     user-42 viewed laptop-pro-14: Laptop Bag (Bought together"
                + " with Laptop Pro 14), Wireless Mouse, USB-C Hub");
  }
}
