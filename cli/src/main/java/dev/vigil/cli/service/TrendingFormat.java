package dev.vigil.cli.service;

import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.shop.Trending;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code TREND laptops: laptop-pro-14 23, laptop-air-13 11, …}: a category's top three. */
final class TrendingFormat implements AlertFormat {

  private static final int SHOWN = 3;

  @Override
  public AlertLine format(byte[] value) {
    Trending trending =
        ShopTopics.TRENDING
            .valueSerde()
            .deserializer()
            .deserialize(ShopTopics.TRENDING.name(), value);
    return new AlertLine(trending.windowEnd(), "TREND", facts(trending));
  }

  static String facts(Trending trending) {
    return trending.category()
        + ": "
        + trending.products().stream()
            .limit(SHOWN)
            .map(p -> String.format(Locale.ROOT, "%s %.0f", p.productId(), p.score()))
            .collect(Collectors.joining(", "));
  }
}
