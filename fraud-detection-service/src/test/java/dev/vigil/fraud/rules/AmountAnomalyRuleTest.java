package dev.vigil.fraud.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.SpendingProfile;
import dev.vigil.fraud.FraudTopologyTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountAnomalyRuleTest extends FraudTopologyTestBase {

  /** Ten payments of 25.00 an hour apart: mean 25, deviation floored at 10 % of it, 2.50. */
  private void payTheUsualTenTimes() {
    for (int i = 0; i < 10; i++) {
      pay(payment("usual" + i).at(BEGINNING.plusSeconds(i * 3600L)).build());
    }
  }

  private void payAfterHistory(String amount) {
    pay(payment("big").amount(amount).at(BEGINNING.plusSeconds(11 * 3600L)).build());
  }

  @Test
  void shouldAlertOnAnAmountFarAboveTheAccountsHabit() {
    payTheUsualTenTimes();
    payAfterHistory("900.00");

    assertThat(alertedRules()).containsExactly(List.of(AmountAnomalyRule.ID));
  }

  @Test
  void shouldNotAlertAtExactlyTheThreshold() {
    payTheUsualTenTimes();
    payAfterHistory("35.00");

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldAlertJustAboveTheThreshold() {
    payTheUsualTenTimes();
    payAfterHistory("35.01");

    assertThat(alertedRules()).containsExactly(List.of(AmountAnomalyRule.ID));
  }

  @Test
  void shouldNotAlertBeforeTheMinimumHistory() {
    for (int i = 0; i < 9; i++) {
      pay(payment("usual" + i).at(BEGINNING.plusSeconds(i * 3600L)).build());
    }
    payAfterHistory("900.00");

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldUseTheBanksProfileBeforeAnyHistory() {
    knownAccount("acct-1", new SpendingProfile(40, 15));

    pay(payment("first").amount("400.00").build());

    assertThat(alertedRules()).containsExactly(List.of(AmountAnomalyRule.ID));
  }
}
