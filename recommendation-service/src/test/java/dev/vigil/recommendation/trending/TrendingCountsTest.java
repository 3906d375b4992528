package dev.vigil.recommendation.trending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.Trending.TrendingProduct;
import org.junit.jupiter.api.Test;

class TrendingCountsTest {

  private static TrendingCounts counts(int capacity, String... productIds) {
    TrendingCounts counts = TrendingCounts.empty();
    for (String id : productIds) {
      counts = counts.add(new TrendingSignal(id, 1), capacity);
    }
    return counts;
  }

  @Test
  void shouldAddUpEachProductsWeight() {
    assertThat(counts(3, "a", "b", "a").top(3))
        .containsExactly(new TrendingProduct("a", 1, 2), new TrendingProduct("b", 2, 1));
  }

  @Test
  void shouldReplaceTheLeastActiveProductAtCapacityAndInheritItsCount() {
    TrendingCounts full = counts(2, "a", "a", "a", "b");

    TrendingCounts updated = full.add(new TrendingSignal("c", 1), 2);

    assertThat(updated.scores()).containsOnlyKeys("a", "c").containsEntry("c", 2.0);
  }

  @Test
  void shouldKeepAProductWithMoreThanItsShareOfTheActivityWhateverTheChurn() {
    TrendingCounts counts = TrendingCounts.empty();
    for (int i = 0; i < 60; i++) {
      counts = counts.add(new TrendingSignal("one-off-" + i, 1), 3);
      if (i % 3 != 2) {
        counts = counts.add(new TrendingSignal("hit", 1), 3);
      }
    }

    assertThat(counts.scores()).hasSize(3).containsKey("hit");
  }
}
