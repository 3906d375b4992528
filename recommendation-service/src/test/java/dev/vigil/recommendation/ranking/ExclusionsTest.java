package dev.vigil.recommendation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Laptop buyers also bought a bag, a mouse and coffee; what may a laptop shopper be shown? */
class ExclusionsTest extends RecommendationTopologyTestBase {

  @BeforeEach
  void othersBoughtLaptopsWithAccessories() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG, MOUSE, COFFEE);
    buyTogether("bob", BEGINNING, LAPTOP, BAG, MOUSE, COFFEE);
    lists();
  }

  @Test
  void shouldRecommendEverythingBoughtWithTheProductToANewShopper() {
    view("carol", LAPTOP, ONE_MINUTE_LATER);

    assertThat(recommendedTo("carol")).contains(BAG, MOUSE, COFFEE);
  }

  @Test
  void shouldNeverRecommendTheProductBeingViewed() {
    session("carol", "s1", ActivityType.VIEW, ONE_MINUTE_LATER, BAG);

    view("dave", BAG, ONE_MINUTE_LATER);

    assertThat(recommendedTo("dave")).isNotEmpty().doesNotContain(BAG);
  }

  @Test
  void shouldNotRecommendWhatTheShopperAlreadyBought() {
    session("carol", "old", ActivityType.PURCHASE, BEGINNING, BAG);

    session("carol", "new", ActivityType.VIEW, ONE_MINUTE_LATER, LAPTOP);

    assertThat(recommendedTo("carol")).contains(MOUSE).doesNotContain(BAG);
  }

  @Test
  void shouldRecommendAConsumableAgainAfterItWasBought() {
    session("carol", "old", ActivityType.PURCHASE, BEGINNING, COFFEE);

    session("carol", "new", ActivityType.VIEW, ONE_MINUTE_LATER, LAPTOP);

    assertThat(recommendedTo("carol")).contains(COFFEE);
  }

  @Test
  void shouldNotRecommendAnOutOfStockProduct() {
    outOfStock(MOUSE);

    view("carol", LAPTOP, ONE_MINUTE_LATER);

    assertThat(recommendedTo("carol")).contains(BAG).doesNotContain(MOUSE);
  }

  @Test
  void shouldNotRecommendWhatIsInTheCart() {
    session("carol", "s1", ActivityType.ADD_TO_CART, ONE_MINUTE_LATER, BAG);

    session("carol", "s1", ActivityType.VIEW, ONE_MINUTE_LATER, LAPTOP);

    assertThat(recommendedTo("carol")).contains(MOUSE).doesNotContain(BAG);
  }

  @Test
  void shouldRecommendAProductAgainOnceItIsTakenOutOfTheCart() {
    session("carol", "s1", ActivityType.ADD_TO_CART, ONE_MINUTE_LATER, BAG);
    session("carol", "s1", ActivityType.REMOVE_FROM_CART, ONE_MINUTE_LATER, BAG);

    session("carol", "s1", ActivityType.VIEW, ONE_MINUTE_LATER, LAPTOP);

    assertThat(recommendedTo("carol")).contains(BAG);
  }
}
