package dev.vigil.recommendation.shopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shoppers are forgotten 30 days (the TTL) after their last activity, looked for every hour of
 * stream time in an index of shoppers by last activity.
 */
class ShopperExpiryTest extends RecommendationTopologyTestBase {

  private static final Duration TTL = Duration.ofDays(30);
  private static final Instant TTL_LATER = BEGINNING.plus(TTL);

  /** Moves stream time on with a shopper of its own, who is remembered too. */
  private void advanceTo(Instant time) {
    view("clock-watcher", PHONE, time);
  }

  /** The shoppers in the expiry index, oldest last activity first. */
  private List<String> indexed() {
    return indexed(RecommendationStores.SHOPPER_EXPIRY);
  }

  @Test
  void shouldKeepAShopperWhoseLastActivityIsExactlyTheTtlAgo() {
    view("alice", LAPTOP, BEGINNING);

    advanceTo(TTL_LATER);

    assertThat(shopper("alice")).isNotNull();
  }

  @Test
  void shouldForgetAShopperAtTheFirstLookAfterTheTtl() {
    view("alice", LAPTOP, BEGINNING);
    advanceTo(TTL_LATER);

    advanceTo(TTL_LATER.plus(Duration.ofHours(1)));

    assertThat(shopper("alice")).isNull();
    assertThat(indexed()).containsExactly("clock-watcher");
  }

  @Test
  void shouldCountTheTtlFromTheShoppersNewestActivity() {
    view("alice", LAPTOP, BEGINNING);
    view("alice", BAG, ONE_DAY_LATER);

    advanceTo(TTL_LATER.plus(Duration.ofHours(1)));

    assertThat(shopper("alice")).isNotNull();
  }

  @Test
  void shouldKeepOneEntryPerShopperInTheIndex() {
    view("alice", LAPTOP, BEGINNING);

    view("alice", BAG, ONE_DAY_LATER);

    assertThat(indexed()).containsExactly("alice");
  }

  @Test
  void shouldNotCountTheTtlFromAnOlderActivityArrivingLate() {
    view("alice", LAPTOP, ONE_DAY_LATER);
    act(activity("alice", "s0", ActivityType.VIEW, BAG, BEGINNING));

    advanceTo(TTL_LATER.plus(Duration.ofHours(1)));

    assertThat(shopper("alice")).isNotNull();
  }

  @Test
  void shouldRememberAShopperAgainAfterForgettingThem() {
    view("alice", LAPTOP, BEGINNING);
    advanceTo(TTL_LATER.plus(Duration.ofHours(1)));

    view("alice", BAG, TTL_LATER.plus(Duration.ofHours(2)));

    assertThat(shopper("alice").session()).extracting(SessionItem::productId).containsExactly(BAG);
    assertThat(indexed()).containsExactly("clock-watcher", "alice");
  }

  @Test
  void shouldKeepAndReindexAShopperWhoseEntryACrashLeftAtAnOlderActivity() {
    view("alice", LAPTOP, ONE_DAY_LATER);
    TimeIndex index = TimeIndex.over(driver.getKeyValueStore(RecommendationStores.SHOPPER_EXPIRY));
    index.move(ONE_DAY_LATER.toEpochMilli(), BEGINNING.toEpochMilli(), "alice");

    advanceTo(TTL_LATER.plus(Duration.ofHours(1)));
    assertThat(shopper("alice")).isNotNull();

    advanceTo(ONE_DAY_LATER.plus(TTL).plus(Duration.ofHours(1)));
    assertThat(shopper("alice")).isNull();
  }
}
