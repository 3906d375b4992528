package dev.vigil.recommendation.trending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Trending;
import dev.vigil.common.shop.Trending.TrendingProduct;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Windows are one hour long and start every five minutes; each is published once, when it closes
 * one minute (the grace period) after its end, in event time.
 */
class TrendingTest extends RecommendationTopologyTestBase {

  /**
   * The first window to close after activity just after 09:00 is 08:05 to 09:05: trending is always
   * about the hour before.
   */
  private static final Instant WINDOW_END = BEGINNING.plus(Duration.ofMinutes(5));

  private static final Instant WINDOW_CLOSED = WINDOW_END.plus(Duration.ofMinutes(1));

  /** Moves stream time on with activity in a category of its own. */
  private void advanceTo(Instant time) {
    catalogue(product("clock", "Clock", "clocks"));
    view("clock-watcher", "clock", time);
  }

  private List<Trending> laptopLists() {
    return trending.readValuesToList().stream()
        .filter(t -> t.category().equals("laptops"))
        .toList();
  }

  @Test
  void shouldRankACategorysProductsByWeightedActivity() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP, OTHER_LAPTOP);
    session("bob", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(2), OTHER_LAPTOP);
    session("carol", "s1", ActivityType.PURCHASE, BEGINNING.plusSeconds(3), LAPTOP);

    advanceTo(WINDOW_CLOSED);

    assertThat(laptopLists())
        .first()
        .satisfies(t -> assertThat(t.windowEnd()).isEqualTo(WINDOW_END))
        .satisfies(
            t -> assertThat(t.windowStart()).isEqualTo(WINDOW_END.minus(Duration.ofHours(1))))
        .extracting(Trending::products)
        .isEqualTo(
            List.of(new TrendingProduct(LAPTOP, 1, 6), new TrendingProduct(OTHER_LAPTOP, 2, 2)));
  }

  @Test
  void shouldPublishNothingBeforeTheWindowCloses() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);

    advanceTo(WINDOW_CLOSED.minusMillis(1));

    assertThat(laptopLists()).isEmpty();
  }

  @Test
  void shouldPublishEachWindowOnceWhateverTheActivity() {
    for (int i = 0; i < 50; i++) {
      session("shopper-" + i, "s1", ActivityType.VIEW, BEGINNING.plusSeconds(i), LAPTOP);
    }

    advanceTo(WINDOW_CLOSED.plus(Duration.ofMinutes(10)));

    assertThat(laptopLists())
        .extracting(Trending::windowEnd)
        .containsExactly(
            WINDOW_END,
            WINDOW_END.plus(Duration.ofMinutes(5)),
            WINDOW_END.plus(Duration.ofMinutes(10)));
  }

  @Test
  void shouldCountActivityInEveryHourLongWindowThatContainsIt() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plus(Duration.ofMinutes(50)), LAPTOP);

    advanceTo(BEGINNING.plus(Duration.ofHours(2)));

    assertThat(laptopLists())
        .extracting(Trending::windowEnd)
        .containsExactly(
            BEGINNING.plus(Duration.ofMinutes(55)),
            ONE_HOUR_LATER,
            ONE_HOUR_LATER.plus(Duration.ofMinutes(5)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(10)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(15)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(20)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(25)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(30)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(35)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(40)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(45)),
            ONE_HOUR_LATER.plus(Duration.ofMinutes(50)));
  }

  @Test
  void shouldCountActivityThatArrivesOutOfOrderWithinTheGracePeriod() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);
    advanceTo(WINDOW_END.plusSeconds(30));

    session("bob", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(2), OTHER_LAPTOP);
    advanceTo(WINDOW_CLOSED);

    assertThat(laptopLists())
        .first()
        .extracting(t -> t.products().stream().map(TrendingProduct::productId).toList())
        .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(LAPTOP, OTHER_LAPTOP));
  }

  @Test
  void shouldNotCountActivityThatArrivesAfterTheWindowClosed() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);
    advanceTo(WINDOW_CLOSED);

    session("bob", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(2), OTHER_LAPTOP);
    advanceTo(WINDOW_CLOSED.plus(Duration.ofMinutes(5)));

    assertThat(laptopLists())
        .first()
        .extracting(t -> t.products().stream().map(TrendingProduct::productId).toList())
        .isEqualTo(List.of(LAPTOP));
  }

  @Test
  void shouldCountLateActivityInTheWindowsThatAreStillOpen() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);
    advanceTo(WINDOW_CLOSED);

    session("bob", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(2), OTHER_LAPTOP);
    advanceTo(WINDOW_CLOSED.plus(Duration.ofMinutes(5)));

    assertThat(laptopLists())
        .extracting(t -> t.products().stream().map(TrendingProduct::productId).toList())
        // Equal counts in the second window: the smaller product id first.
        .containsExactly(List.of(LAPTOP), List.of(OTHER_LAPTOP, LAPTOP));
  }

  @Test
  void shouldForgetActivityOnceEveryWindowWithItIsPublished() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);

    advanceTo(BEGINNING.plus(Duration.ofHours(3)));

    try (var panes =
        driver.<String, TrendingCounts>getWindowStore(RecommendationStores.TRENDING_PANES).all()) {
      assertThat(panes)
          .toIterable()
          .extracting(entry -> entry.key.key())
          .allSatisfy(key -> assertThat(key).isEqualTo("clocks"));
    }
    assertThat(laptopLists()).hasSize(12);
  }

  @Test
  void shouldPublishAtMostTheTopTen() {
    for (int i = 0; i < 12; i++) {
      catalogue(product("laptop-" + i, "Laptop " + i, "laptops"));
      for (int views = 0; views <= i; views++) {
        view("shopper-" + views, "laptop-" + i, BEGINNING.plusSeconds(i));
      }
    }

    advanceTo(WINDOW_CLOSED);

    assertThat(laptopLists().get(0).products())
        .hasSize(10)
        .first()
        .isEqualTo(new TrendingProduct("laptop-11", 1, 12));
  }

  @Test
  void shouldNotCountTakingAProductOutOfTheCart() {
    session("alice", "s1", ActivityType.REMOVE_FROM_CART, BEGINNING.plusSeconds(1), LAPTOP);
    session("bob", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), OTHER_LAPTOP);

    advanceTo(WINDOW_CLOSED);

    assertThat(laptopLists().get(0).products())
        .extracting(TrendingProduct::productId)
        .containsExactly(OTHER_LAPTOP);
  }

  @Test
  void shouldKeepTheLatestListPerCategoryForTheApi() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);

    advanceTo(WINDOW_CLOSED.plus(Duration.ofMinutes(5)));

    assertThat(
            driver
                .<String, Trending>getKeyValueStore(RecommendationStores.CATEGORY_TRENDING)
                .get("laptops")
                .windowEnd())
        .isEqualTo(WINDOW_END.plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldPublishEveryWindowWhenStreamTimeJumpsFarBeyondThem() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);

    advanceTo(BEGINNING.plus(Duration.ofHours(5)));

    assertThat(laptopLists())
        .hasSize(12)
        .allSatisfy(
            t -> assertThat(t.products()).containsExactly(new TrendingProduct(LAPTOP, 1, 1)))
        .extracting(Trending::windowEnd)
        .startsWith(WINDOW_END)
        .endsWith(ONE_HOUR_LATER);
  }

  @Test
  void shouldPublishTheCategoriesDueAtOnceInOrderOfTheirNames() {
    view("alice", PHONE, BEGINNING.plusSeconds(1));
    view("bob", LAPTOP, BEGINNING.plusSeconds(2));

    advanceTo(WINDOW_CLOSED);

    assertThat(trending.readValuesToList())
        .extracting(Trending::category)
        .containsExactly("laptops", "phones");
  }

  @Test
  void shouldPublishTheOpenWindowsOfAPaneThatStartsBeforeTheLastPublishedWindow() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);
    advanceTo(WINDOW_CLOSED);

    session("bob", "s1", ActivityType.VIEW, BEGINNING.minus(Duration.ofMinutes(3)), OTHER_LAPTOP);
    advanceTo(WINDOW_CLOSED.plus(Duration.ofMinutes(5)));

    assertThat(laptopLists())
        .extracting(t -> t.products().stream().map(TrendingProduct::productId).toList())
        // Equal counts in the second window: the smaller product id first.
        .containsExactly(List.of(LAPTOP), List.of(OTHER_LAPTOP, LAPTOP));
  }

  @Test
  void shouldKeepACategoryInTheIndexOnlyWhileItHasWindowsToPublish() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING.plusSeconds(1), LAPTOP);
    advanceTo(WINDOW_CLOSED);
    assertThat(indexed(RecommendationStores.TRENDING_DUE)).contains("laptops");

    advanceTo(BEGINNING.plus(Duration.ofHours(2)));

    assertThat(indexed(RecommendationStores.TRENDING_DUE)).containsOnly("clocks");
  }
}
