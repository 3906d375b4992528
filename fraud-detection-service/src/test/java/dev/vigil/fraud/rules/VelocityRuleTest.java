package dev.vigil.fraud.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.fraud.FraudTopologyTestBase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VelocityRuleTest extends FraudTopologyTestBase {

  private void payEvery(long seconds, int count) {
    for (int i = 0; i < count; i++) {
      pay(payment("t" + i).at(BEGINNING.plusSeconds(i * seconds)).build());
    }
  }

  @Test
  void shouldAlertOnTheSixthPaymentWithinAMinute() {
    payEvery(10, 6);

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("t5"))
        .satisfies(a -> assertThat(a.rules().get(0).ruleId()).isEqualTo(VelocityRule.ID))
        .satisfies(a -> assertThat(a.rules().get(0).evidence()).containsEntry("count", 6));
  }

  @Test
  void shouldNotAlertOnFivePaymentsWithinAMinute() {
    payEvery(10, 5);

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldCountPaymentsExactlyOneWindowApart() {
    payEvery(12, 6);

    assertThat(alertedRules()).containsExactly(java.util.List.of(VelocityRule.ID));
  }

  @Test
  void shouldNotCountPaymentsJustOverOneWindowApart() {
    for (int i = 0; i < 5; i++) {
      pay(payment("t" + i).at(BEGINNING.plusMillis(i * 12_000L)).build());
    }
    pay(payment("t5").at(BEGINNING.plusMillis(60_001)).build());

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldCountAPaymentThatArrivesOutOfOrder() {
    for (int second : new int[] {0, 10, 20, 30, 50}) {
      pay(payment("t" + second).at(BEGINNING.plusSeconds(second)).build());
    }
    pay(payment("late").at(BEGINNING.plusSeconds(40)).build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("late"));
  }

  @Test
  void shouldNotMixCards() {
    for (int i = 0; i < 6; i++) {
      Instant at = BEGINNING.plusSeconds(i * 5);
      pay(payment("t" + i).cardId("card-" + (i % 2)).accountId("acct-1").at(at).build());
    }

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldApplyALowerLimitSetAtRuntime() {
    setRule(VelocityRule.ID, true, Map.of("maxTransactions", 2));

    payEvery(10, 3);

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("t2"));
  }

  @Test
  void shouldStopAlertingWhenDisabledAtRuntime() {
    setRule(VelocityRule.ID, false, Map.of());

    payEvery(10, 6);

    assertThat(alerts.isEmpty()).isTrue();
    assertThat(decisions.readValuesToList()).hasSize(6);
  }
}
