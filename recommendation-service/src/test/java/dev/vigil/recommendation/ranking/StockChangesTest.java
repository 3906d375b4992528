package dev.vigil.recommendation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Product updates apply from the very next list, with no restart and no re-learning. */
class StockChangesTest extends RecommendationTopologyTestBase {

  @BeforeEach
  void othersBoughtLaptopsWithBagsAndMice() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG, MOUSE);
    lists();
  }

  @Test
  void shouldDropAProductFromTheNextListOnceItIsOutOfStock() {
    view("carol", LAPTOP, ONE_MINUTE_LATER);
    assertThat(recommendedTo("carol")).contains(MOUSE);

    outOfStock(MOUSE);
    view("carol", OTHER_LAPTOP, TEN_MINUTES_LATER);

    assertThat(recommendedTo("carol")).doesNotContain(MOUSE);
  }

  @Test
  void shouldRecommendAProductAgainOnceItIsBackInStock() {
    outOfStock(MOUSE);
    view("carol", LAPTOP, ONE_MINUTE_LATER);
    assertThat(recommendedTo("carol")).doesNotContain(MOUSE);

    backInStock(MOUSE);
    view("carol", OTHER_LAPTOP, TEN_MINUTES_LATER);

    assertThat(recommendedTo("carol")).contains(MOUSE);
  }

  @Test
  void shouldShowTheCurrentPrice() {
    catalogue(new Product(BAG, "Laptop Bag", "bags", new BigDecimal("39.95"), true, List.of()));

    view("carol", LAPTOP, ONE_MINUTE_LATER);

    Recommendations list = latestFor("carol").orElseThrow();
    assertThat(item(list, BAG))
        .hasValueSatisfying(i -> assertThat(i.price()).isEqualByComparingTo("39.95"));
  }
}
