package dev.vigil.fraud.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.fraud.FraudTopologyTestBase;
import dev.vigil.fraud.rules.VelocityRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An account's spending lives 90 days of stream time after its last payment, its alerts 30 days
 * after the newest, each removed by the first sweep (every 5 minutes of stream time) past it.
 */
class AccountExpiryTest extends FraudTopologyTestBase {

  private static final Duration PROFILE_TTL = Duration.ofDays(90);
  private static final Duration ALERT_TTL = Duration.ofDays(30);
  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

  private AccountState state(String accountId) {
    return driver.<String, AccountState>getKeyValueStore(FraudStores.ACCOUNT_STATE).get(accountId);
  }

  private void alertOnEveryPayment() {
    setRule(VelocityRule.ID, true, Map.of("maxTransactions", 0));
  }

  @Test
  void shouldKeepAnAccountUntilStreamTimeHasPassedItsTtl() {
    pay(payment("t1").build());

    streamTimeReaches(BEGINNING.plus(PROFILE_TTL));

    assertThat(state("acct-1")).isNotNull();
  }

  @Test
  void shouldForgetAnAccountAtTheFirstSweepPastItsTtl() {
    pay(payment("t1").build());

    streamTimeReaches(BEGINNING.plus(PROFILE_TTL).plus(SWEEP_INTERVAL));

    assertThat(state("acct-1")).isNull();
  }

  @Test
  void shouldKeepAnAccountWhosePaymentsGoOn() {
    Instant sixtyDaysLater = BEGINNING.plus(Duration.ofDays(60));
    pay(payment("t1").build(), payment("t2").at(sixtyDaysLater).build());

    streamTimeReaches(BEGINNING.plus(PROFILE_TTL).plus(SWEEP_INTERVAL));
    assertThat(state("acct-1").spending().count()).isEqualTo(2);

    streamTimeReaches(sixtyDaysLater.plus(PROFILE_TTL).plus(SWEEP_INTERVAL));
    assertThat(state("acct-1")).isNull();
  }

  @Test
  void shouldForgetAlertsBeforeTheSpendingThatOutlivesThem() {
    pay(payment("t1").build());
    alertOnEveryPayment();
    Instant tenDaysLater = BEGINNING.plus(Duration.ofDays(10));
    pay(payment("t2").at(tenDaysLater).build());
    assertThat(state("acct-1").alerts().alerts()).hasSize(1);

    streamTimeReaches(tenDaysLater.plus(ALERT_TTL).plus(SWEEP_INTERVAL));

    assertThat(state("acct-1").alerts().alerts()).isEmpty();
    assertThat(state("acct-1").spending().count()).isEqualTo(2);
  }

  @Test
  void shouldForgetAnAccountWithOnlyAlertsAfterTheirTtl() {
    alertOnEveryPayment();
    setRule("blocklist", true, Map.of("merchants", java.util.List.of("merchant-1")));
    pay(payment("declined").build());
    assertThat(state("acct-1").spending()).isNull();

    streamTimeReaches(BEGINNING.plus(ALERT_TTL).plus(SWEEP_INTERVAL));

    assertThat(state("acct-1")).isNull();
  }
}
