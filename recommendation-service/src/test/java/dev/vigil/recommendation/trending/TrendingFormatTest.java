package dev.vigil.recommendation.trending;

import dev.vigil.common.shop.Trending;
import dev.vigil.common.shop.Trending.TrendingProduct;
import dev.vigil.common.testing.GoldenFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingFormatTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

  private static final TrendingSignal SIGNAL = new TrendingSignal("laptop-pro-14", 3);

  private static final TrendingCounts COUNTS =
      new TrendingCounts(Map.of("laptop-pro-14", 6.0, "laptop-air-13", 2.0));

  private static final Trending PUBLISHED =
      new Trending(
          "laptops",
          NOON.minus(Duration.ofHours(1)),
          NOON,
          List.of(
              new TrendingProduct("laptop-pro-14", 1, 6),
              new TrendingProduct("laptop-air-13", 2, 2)));

  @Test
  void shouldReadTheSignalsTheFirstBinaryFormatWrote() {
    GoldenFiles.assertReadsBinary("TrendingSignal", TrendingSignal.SERDE, SIGNAL);
  }

  @Test
  void shouldReadTheSignalsEarlierReleasesRepartitionedInJson() {
    GoldenFiles.assertReadsJson("TrendingSignal", TrendingSignal.SERDE, SIGNAL);
  }

  @Test
  void shouldReadThePaneCountsTheFirstBinaryFormatWrote() {
    GoldenFiles.assertReadsBinary("TrendingCounts", TrendingCounts.SERDE, COUNTS);
  }

  @Test
  void shouldReadTheLatestListsTheFirstBinaryFormatWrote() {
    GoldenFiles.assertReadsBinary("Trending", TrendingWindows.PUBLISHED_SERDE, PUBLISHED);
  }
}
