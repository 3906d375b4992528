package dev.vigil.recommendation.shopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.testing.GoldenFiles;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopperProfileFormatTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
  private static final Instant FIVE_MINUTES_LATER = NOON.plus(Duration.ofMinutes(5));
  private static final Instant THREE_DAYS_EARLIER = NOON.minus(Duration.ofDays(3));

  private static final Recommendations LIST =
      new Recommendations(
          "user-42",
          "ev-11",
          ActivityType.VIEW,
          "laptop-pro-14",
          List.of(
              new Recommendation(
                  "laptop-bag",
                  "Laptop Bag",
                  "bags",
                  new BigDecimal("49.90"),
                  0.4213,
                  RecommendationBasis.BOUGHT_TOGETHER,
                  "laptop-pro-14",
                  "Bought together with Laptop Pro 14"),
              new Recommendation(
                  "wireless-mouse",
                  "Wireless Mouse",
                  "accessories",
                  new BigDecimal("19.00"),
                  0.04,
                  RecommendationBasis.TRENDING,
                  null,
                  "Trending in the shop")),
          NOON);

  private static final ShopperProfile PROFILE =
      new ShopperProfile(
          "session-7",
          List.of(
              new SessionItem("laptop-pro-14", ActivityType.ADD_TO_CART, true, FIVE_MINUTES_LATER),
              new SessionItem("laptop-bag", ActivityType.VIEW, false, NOON)),
          List.of(new Purchase("coffee-beans", "session-6", THREE_DAYS_EARLIER)),
          List.of(new Shown("laptop-bag", NOON), new Shown("wireless-mouse", NOON)),
          List.of("ev-12", "ev-11"),
          FIVE_MINUTES_LATER,
          LIST);

  @Test
  void shouldReadTheProfilesTheFirstBinaryFormatWrote() {
    GoldenFiles.assertReadsBinary("ShopperProfile", ShopperProfile.SERDE, PROFILE);
  }

  @Test
  void shouldKeepAProfileWithoutAListAsItIs() {
    ShopperProfile withoutList =
        new ShopperProfile(
            "session-1",
            List.of(new SessionItem("laptop-bag", ActivityType.VIEW, false, NOON)),
            List.of(),
            List.of(),
            List.of("ev-1"),
            NOON,
            null);

    byte[] stored = ShopperProfile.SERDE.serializer().serialize("t", withoutList);

    assertThat(ShopperProfile.SERDE.deserializer().deserialize("t", stored)).isEqualTo(withoutList);
  }
}
