package dev.vigil.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.testing.TopologyTopics;
import dev.vigil.recommendation.activity.UnknownProductException;
import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class RecommendationTopologyTest extends RecommendationTopologyTestBase {

  @Test
  void shouldReadAndWriteExactlyTheTopicsItsAclsGrant() {
    TopologyTopics used = TopologyTopics.of(topology);

    assertThat(used.reads()).isEqualTo(ShopTopics.SERVICE_ACCESS.readNames());
    assertThat(used.writes()).isEqualTo(ShopTopics.SERVICE_ACCESS.writeNames());
  }

  @Test
  void shouldRecommendWhatOthersBoughtWithTheViewedProductKeyedByUser() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);
    buyTogether("bob", BEGINNING, LAPTOP, BAG, MOUSE);
    recommendations.readValuesToList();

    view("carol", LAPTOP, ONE_MINUTE_LATER);

    assertThat(recommendations.readKeyValue())
        .satisfies(kv -> assertThat(kv.key).isEqualTo("carol"))
        .satisfies(kv -> assertThat(kv.value.productIds()).startsWith(BAG, MOUSE))
        .satisfies(
            kv ->
                assertThat(kv.value.items().get(0))
                    .satisfies(
                        i -> assertThat(i.basis()).isEqualTo(RecommendationBasis.BOUGHT_TOGETHER))
                    .satisfies(i -> assertThat(i.because()).isEqualTo(LAPTOP))
                    .satisfies(
                        i -> assertThat(i.reason()).isEqualTo("Bought together with Laptop Pro 14"))
                    .satisfies(i -> assertThat(i.name()).isEqualTo("Laptop Bag")));
  }

  @Test
  void shouldSayAProductWasViewedTogetherWhenNobodyBoughtBoth() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, OTHER_LAPTOP);
    recommendations.readValuesToList();

    view("bob", LAPTOP, ONE_MINUTE_LATER);

    assertThat(latestFor("bob"))
        .hasValueSatisfying(
            list ->
                assertThat(item(list, OTHER_LAPTOP))
                    .hasValueSatisfying(
                        i ->
                            assertThat(i.reason())
                                .isEqualTo("Viewed together with Laptop Pro 14")));
  }

  @Test
  void shouldDescribeTheActivityThatTriggeredTheList() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);

    view("bob", LAPTOP, ONE_MINUTE_LATER);

    assertThat(latestFor("bob"))
        .hasValueSatisfying(
            list -> {
              assertThat(list.trigger()).isEqualTo(ActivityType.VIEW);
              assertThat(list.productId()).isEqualTo(LAPTOP);
              assertThat(list.eventTime()).isEqualTo(ONE_MINUTE_LATER);
            });
  }

  @Test
  void shouldNotSendAListAfterAProductIsTakenOutOfTheCart() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);
    session("bob", "s1", ActivityType.ADD_TO_CART, ONE_MINUTE_LATER, LAPTOP);
    recommendations.readValuesToList();

    session("bob", "s1", ActivityType.REMOVE_FROM_CART, TEN_MINUTES_LATER, LAPTOP);

    assertThat(recommendations.isEmpty()).isTrue();
  }

  @Test
  void shouldIgnoreARedeliveredDuplicate() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);
    var view = activity("bob", "s1", ActivityType.VIEW, LAPTOP, ONE_MINUTE_LATER);
    act(view);
    double learned = affinity(LAPTOP, BAG);
    recommendations.readValuesToList();

    act(view);

    assertThat(recommendations.isEmpty()).isTrue();
    assertThat(affinity(LAPTOP, BAG)).isEqualTo(learned);
  }

  @Test
  void shouldNotSendTheSameListTwiceInARow() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);
    view("bob", LAPTOP, ONE_MINUTE_LATER);
    recommendations.readValuesToList();

    view("bob", LAPTOP, TEN_MINUTES_LATER);

    assertThat(recommendations.isEmpty()).isTrue();
  }

  @Test
  void shouldRejectActivityOnAnUnknownProductWithoutChangingAnything() {
    view("alice", LAPTOP, BEGINNING);
    var profile = shopper("alice");

    assertThatThrownBy(() -> view("alice", "no-such-product", ONE_MINUTE_LATER))
        .isInstanceOf(StreamsException.class)
        .hasRootCauseInstanceOf(UnknownProductException.class)
        .rootCause()
        .hasMessage("productId no-such-product is not in shop.products");
    assertThat(shopper("alice")).isEqualTo(profile);
    assertThat(learned("no-such-product")).isNull();
  }

  @Test
  void shouldMeasureTheLatencyOfEveryList() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);
    int lists = lists().size();

    assertThat(
            registry
                .get(VigilMetrics.LATENCY)
                .tag("output", "shop.recommendations")
                .timer()
                .count())
        .isEqualTo(lists);
  }

  @Test
  void shouldKeepRecommendingWithoutAListForAnActivityBeyondTheGracePeriod() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);
    view("bob", PHONE, ONE_HOUR_LATER);
    recommendations.readValuesToList();

    view("bob", LAPTOP, BEGINNING.plus(Duration.ofMinutes(30)));

    assertThat(recommendations.isEmpty()).isTrue();
    assertThat(shopper("bob").sessionItem(LAPTOP)).isPresent();
  }

  @Test
  void shouldForgetAShopperInactiveForTheTtl() {
    view("alice", LAPTOP, BEGINNING);

    view("bob", PHONE, BEGINNING.plus(Duration.ofDays(31)));

    assertThat(shopper("alice")).isNull();
    assertThat(shopper("bob")).isNotNull();
  }

  @Test
  void shouldKeepTheLatestListInTheShoppersState() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG);

    view("bob", LAPTOP, ONE_MINUTE_LATER);

    Recommendations emitted = latestFor("bob").orElseThrow();
    assertThat(shopper("bob").latest()).isEqualTo(emitted);
  }
}
