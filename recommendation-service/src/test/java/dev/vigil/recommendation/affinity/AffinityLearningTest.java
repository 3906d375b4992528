package dev.vigil.recommendation.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AffinityLearningTest extends RecommendationTopologyTestBase {

  @Test
  void shouldRelateTwoProductsViewedInOneSessionBothWays() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, BAG);

    assertThat(affinity(LAPTOP, BAG)).isEqualTo(1);
    assertThat(affinity(BAG, LAPTOP)).isEqualTo(1);
  }

  @Test
  void shouldNotRelateProductsOfDifferentSessions() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP);
    session("alice", "s2", ActivityType.VIEW, ONE_MINUTE_LATER, BAG);

    assertThat(affinity(LAPTOP, BAG)).isZero();
  }

  @Test
  void shouldNotRelateProductsOfDifferentShoppers() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP);
    session("bob", "s1", ActivityType.VIEW, BEGINNING, BAG);

    assertThat(affinity(LAPTOP, BAG)).isZero();
  }

  @ParameterizedTest(name = "{0} of both counts {1}")
  @CsvSource({"VIEW, 1", "ADD_TO_CART, 3", "PURCHASE, 5"})
  void shouldWeighAPairByTheWeakerSignalOfTheTwo(ActivityType type, double weight) {
    session("alice", "s1", type, BEGINNING, LAPTOP, BAG);

    assertThat(affinity(LAPTOP, BAG)).isEqualTo(weight);
  }

  @Test
  void shouldCountAViewNextToAPurchaseAsAView() {
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP);
    session("alice", "s1", ActivityType.VIEW, BEGINNING, BAG);

    assertThat(affinity(LAPTOP, BAG)).isEqualTo(1);
  }

  @Test
  void shouldCountASessionOnceWhateverOrderItsSignalsArriveIn() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, BAG);
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, BAG, LAPTOP);
    session("bob", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP, BAG);

    assertThat(affinity(LAPTOP, BAG)).isEqualTo(10);
  }

  @Test
  void shouldLearnNothingFromRepeatedViews() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, BAG, LAPTOP, BAG, LAPTOP);

    assertThat(affinity(LAPTOP, BAG)).isEqualTo(1);
  }

  @Test
  void shouldMarkWhatWasBoughtTogether() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, MOUSE);
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP, MOUSE);

    RelatedProducts related = learned(LAPTOP);
    assertThat(related.related())
        .singleElement()
        .satisfies(r -> assertThat(r.score()).isEqualTo(5))
        .satisfies(r -> assertThat(r.boughtScore()).isEqualTo(5));
  }

  @Test
  void shouldRelatePurchasesOfDifferentSessionsAtHalfAPurchase() {
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP);
    session("alice", "s2", ActivityType.PURCHASE, ONE_DAY_LATER, MOUSE);

    assertThat(affinity(MOUSE, LAPTOP)).isCloseTo(2.5, within(1e-9));
  }

  @Test
  void shouldNotRelatePurchasesFurtherApartThanTheHorizon() {
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP);
    session("alice", "s2", ActivityType.PURCHASE, BEGINNING.plus(Duration.ofDays(31)), MOUSE);

    assertThat(affinity(MOUSE, LAPTOP)).isZero();
  }

  @Test
  void shouldHalveWhatWasLearnedOneHalfLifeAgo() {
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP, BAG);
    Duration halfLife = properties().affinity().halfLife();

    session("bob", "s1", ActivityType.VIEW, BEGINNING.plus(halfLife), LAPTOP, MOUSE);

    assertThat(affinity(LAPTOP, BAG)).isCloseTo(2.5, within(1e-9));
    assertThat(affinity(LAPTOP, MOUSE)).isEqualTo(1);
    assertThat(learned(LAPTOP).asOf()).isEqualTo(BEGINNING.plus(halfLife));
  }

  @Test
  void shouldDecayAnOutOfOrderActivityAsIfItHadArrivedInOrder() {
    Duration halfLife = properties().affinity().halfLife();
    session("bob", "s1", ActivityType.VIEW, BEGINNING.plus(halfLife), LAPTOP, MOUSE);

    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP, BAG);

    assertThat(affinity(LAPTOP, BAG)).isCloseTo(2.5, within(1e-9));
    assertThat(learned(LAPTOP).asOf()).isEqualTo(BEGINNING.plus(halfLife));
  }

  @Test
  void shouldPublishWhatItLearnsForEveryInstance() {
    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, BAG);

    assertThat(related.readKeyValuesToMap())
        .containsOnlyKeys(LAPTOP, BAG)
        .satisfies(m -> assertThat(m.get(LAPTOP).related().get(0).productId()).isEqualTo(BAG));
  }
}
