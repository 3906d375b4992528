package dev.vigil.recommendation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Before anything is learned about a product, a shopper gets the trending products of its category,
 * then those of the shop. Trending lists come from the last hour, each published when its window
 * closes.
 */
class ColdStartTest extends RecommendationTopologyTestBase {

  /** After the first trending lists, for the hour up to 09:05, are published. */
  private static final Instant LATER = BEGINNING.plus(Duration.ofMinutes(10));

  @BeforeEach
  void laptopsAndPhonesTrendedWithoutAnyoneComparingThem() {
    catalogue(
        product("laptop-3", "Laptop 3", "laptops"),
        product("laptop-4", "Laptop 4", "laptops"),
        product("new-laptop", "New Laptop", "laptops"));
    session("a", "s1", ActivityType.PURCHASE, BEGINNING, OTHER_LAPTOP);
    session("b", "s1", ActivityType.ADD_TO_CART, BEGINNING, "laptop-3");
    session("c", "s1", ActivityType.VIEW, BEGINNING, "laptop-4");
    session("d", "s1", ActivityType.PURCHASE, BEGINNING, PHONE);
    session("e", "s1", ActivityType.PURCHASE, BEGINNING, PHONE);
    view("clock", "laptop-4", LATER);
    lists();
  }

  @Test
  void shouldRecommendTheTrendingProductsOfTheViewedCategoryFirst() {
    view("newcomer", "new-laptop", LATER);

    Recommendations list = latestFor("newcomer").orElseThrow();
    assertThat(list.productIds()).startsWith(OTHER_LAPTOP, "laptop-3", "laptop-4");
    assertThat(list.items().get(0))
        .satisfies(i -> assertThat(i.basis()).isEqualTo(RecommendationBasis.TRENDING_IN_CATEGORY))
        .satisfies(i -> assertThat(i.reason()).isEqualTo("Trending in laptops"));
  }

  @Test
  void shouldFillTheListWithTheShopsTrendingProducts() {
    view("newcomer", "new-laptop", LATER);

    Recommendations list = latestFor("newcomer").orElseThrow();
    assertThat(item(list, PHONE))
        .hasValueSatisfying(i -> assertThat(i.reason()).isEqualTo("Trending in the shop"));
    assertThat(list.productIds()).endsWith(PHONE);
  }

  @Test
  void shouldPreferWhatOthersBoughtTogetherOverTrending() {
    buyTogether("f", LATER, "new-laptop", BAG);

    view("newcomer", "new-laptop", LATER);

    assertThat(recommendedTo("newcomer")).startsWith(BAG);
  }

  @Test
  void shouldIgnoreTrendingListsOlderThanADay() {
    view("newcomer", "new-laptop", LATER.plus(Duration.ofDays(2)));

    assertThat(latestFor("newcomer")).isEmpty();
  }
}
