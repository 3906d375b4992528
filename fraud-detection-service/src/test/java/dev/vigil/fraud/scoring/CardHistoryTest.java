package dev.vigil.fraud.scoring;

import static dev.vigil.common.testing.TransactionBuilder.NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.Decision;
import dev.vigil.fraud.FraudTopologyTestBase;
import dev.vigil.fraud.rules.ImpossibleTravelRule;
import dev.vigil.fraud.rules.VelocityRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a payment is scored against of its card's payments, and for how long they are kept. */
class CardHistoryTest extends FraudTopologyTestBase {

  private static final Duration RETENTION = Duration.ofHours(24);
  private static final Instant A_DAY_LATER = BEGINNING.plus(RETENTION);

  private void payVelocityBurstExcept40s() {
    for (int second : new int[] {0, 10, 20, 30, 50}) {
      pay(payment("t" + second).at(BEGINNING.plusSeconds(second)).build());
    }
  }

  /** Every payment is compared with every other of its card within two days. */
  private void velocityOverTwoDays() {
    setRule(VelocityRule.ID, true, Map.of("maxTransactions", 1, "windowSeconds", 2 * 86_400));
  }

  private List<String> decided() {
    return decisions.readValuesToList().stream().map(Decision::transactionId).toList();
  }

  @Test
  void shouldRecogniseARedeliveredDuplicateAfterLaterPaymentsOfItsCard() {
    pay(payment("t1").build(), payment("t2").at(ONE_SECOND_LATER).build(), payment("t1").build());

    assertThat(decided()).containsExactly("t1", "t2");
  }

  @Test
  void shouldKeepTwoPaymentsOfTheSameMillisecondAndRecogniseEithersDuplicate() {
    pay(payment("t1").build(), payment("t2").build(), payment("t2").build(), payment("t1").build());

    assertThat(decided()).containsExactly("t1", "t2");
    assertThat(kept("card-1")).containsExactly("t1", "t2");
  }

  @Test
  void shouldScoreALatePaymentWithinTheRetentionAgainstItsNeighbours() {
    payVelocityBurstExcept40s();
    streamTimeReaches(BEGINNING.plus(Duration.ofHours(23)));

    pay(payment("late").at(BEGINNING.plusSeconds(40)).build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("late"))
        .satisfies(a -> assertThat(a.rules().get(0).ruleId()).isEqualTo(VelocityRule.ID));
    assertThat(kept("card-1")).contains("late");
  }

  @Test
  void shouldDecideAPaymentLaterThanTheRetentionWithoutItsNeighboursOrKeepingIt() {
    payVelocityBurstExcept40s();
    streamTimeReaches(BEGINNING.plus(Duration.ofHours(25)));

    pay(payment("late").at(BEGINNING.plusSeconds(40)).build());

    assertThat(decided()).endsWith("late");
    assertThat(alerts.isEmpty()).isTrue();
    assertThat(kept("card-1")).isEmpty();
  }

  @Test
  void shouldStillCountAPaymentExactlyTheRetentionBeforeStreamTime() {
    velocityOverTwoDays();

    pay(payment("first").build(), payment("second").at(A_DAY_LATER).build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("second"));
  }

  @Test
  void shouldNoLongerCountAPaymentOlderThanTheRetention() {
    velocityOverTwoDays();

    pay(payment("first").build(), payment("second").at(A_DAY_LATER.plusMillis(1)).build());

    assertThat(alerts.isEmpty()).isTrue();
    assertThat(kept("card-1")).containsExactly("second");
  }

  @Test
  void shouldLookBackPastOnlinePaymentsToTheNearestThatLocatedTheCard() {
    pay(
        payment("ams").build(),
        payment("web-1").online().at(TEN_MINUTES_LATER).build(),
        payment("web-2").online().at(TEN_MINUTES_LATER.plus(Duration.ofMinutes(10))).build(),
        payment("nyc").in("US", NEW_YORK).at(ONE_HOUR_LATER).build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("nyc"))
        .satisfies(a -> assertThat(a.rules().get(0).ruleId()).isEqualTo(ImpossibleTravelRule.ID))
        .satisfies(
            a ->
                assertThat(a.rules().get(0).evidence()).containsEntry("otherTransactionId", "ams"));
  }
}
