package dev.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.shop.Trending;
import dev.vigil.common.shop.Trending.TrendingProduct;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingFormatTest {

  @Test
  void shouldShowTheCategorysTopThreeAtTheEndOfTheWindow() {
    Trending trending =
        new Trending(
            "laptops",
            Instant.parse("2026-03-02T08:05:00Z"),
            Instant.parse("2026-03-02T09:05:00Z"),
            List.of(
                new TrendingProduct("laptop-pro-14", 1, 23),
                new TrendingProduct("laptop-air-13", 2, 11),
                new TrendingProduct("laptop-gamer-16", 3, 4),
                new TrendingProduct("laptop-old", 4, 1)));
    byte[] json =
        ShopTopics.TRENDING
            .valueSerde()
            .serializer()
            .serialize(ShopTopics.TRENDING.name(), trending);

    assertThat(new TrendingFormat().format(json).render("shop", ZoneOffset.UTC))
        .isEqualTo(
            "09:05:00  shop  TREND    laptops: laptop-pro-14 23, laptop-air-13 11, laptop-gamer-16 4");
  }
}
