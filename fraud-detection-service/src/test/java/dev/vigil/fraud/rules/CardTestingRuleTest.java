package dev.vigil.fraud.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.fraud.FraudTopologyTestBase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardTestingRuleTest extends FraudTopologyTestBase {

  private void paySmall(int count, Instant from) {
    for (int i = 0; i < count; i++) {
      pay(payment("small" + i).amount("1.00").online().at(from.plusSeconds(i)).build());
    }
  }

  @Test
  void shouldAlertOnALargePaymentAfterABurstOfTinyOnes() {
    paySmall(3, BEGINNING);
    pay(payment("large").amount("250.00").online().at(ONE_MINUTE_LATER).build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("large"))
        .satisfies(a -> assertThat(a.rules().get(0).ruleId()).isEqualTo(CardTestingRule.ID));
  }

  @Test
  void shouldNotAlertAfterTooFewTinyPayments() {
    paySmall(2, BEGINNING);
    pay(payment("large").amount("250.00").online().at(ONE_MINUTE_LATER).build());

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldAlertAtExactlyTheLargeAmount() {
    paySmall(3, BEGINNING);
    pay(payment("large").amount("200.00").online().at(ONE_MINUTE_LATER).build());

    assertThat(alertedRules()).containsExactly(List.of(CardTestingRule.ID));
  }

  @Test
  void shouldNotAlertWhenTheTinyPaymentsAreOlderThanTheWindow() {
    paySmall(3, BEGINNING);
    pay(payment("large").amount("250.00").online().at(TEN_MINUTES_LATER.plusSeconds(1)).build());

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldNotAlertOnTinyPaymentsThatCameAfterTheLargeOne() {
    pay(payment("large").amount("250.00").online().at(BEGINNING).build());
    paySmall(3, ONE_MINUTE_LATER);

    assertThat(alerts.isEmpty()).isTrue();
  }
}
