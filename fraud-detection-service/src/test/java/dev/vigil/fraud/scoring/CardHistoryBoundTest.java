package dev.vigil.fraud.scoring;

import static dev.vigil.common.testing.TransactionBuilder.NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.fraud.FraudProperties;
import dev.vigil.fraud.FraudTopologyTestBase;
import dev.vigil.fraud.rules.ImpossibleTravelRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A payment is scored against at most its card's newest {@code max-card-history} payments, here
 * three, whether it arrived in order or late: a card-present payment in Amsterdam and one in New
 * York 30 minutes apart is impossible travel only while the Amsterdam one is among them.
 */
class CardHistoryBoundTest extends FraudTopologyTestBase {

  private static final Instant HALF_AN_HOUR_LATER = BEGINNING.plus(Duration.ofMinutes(30));

  @Override
  protected FraudProperties properties() {
    FraudProperties defaults = FraudProperties.defaults();
    return new FraudProperties(
        defaults.reviewScore(),
        defaults.declineScore(),
        defaults.historyRetention(),
        3,
        defaults.profileTtl(),
        defaults.recentAlerts(),
        defaults.alertTtl(),
        defaults.expiryInterval(),
        Map.of());
  }

  private void payInAmsterdamThenOnline(int onlinePayments, Instant from) {
    pay(payment("ams").build());
    for (int i = 0; i < onlinePayments; i++) {
      pay(payment("web-" + i).online().at(from.plus(Duration.ofMinutes(i))).build());
    }
  }

  private void payInNewYork(Instant at) {
    pay(payment("nyc").in("US", NEW_YORK).at(at).build());
  }

  @Test
  void shouldCompareWithTheNearestLocatedPaymentAmongTheNewest() {
    payInAmsterdamThenOnline(2, BEGINNING.plus(Duration.ofMinutes(10)));

    payInNewYork(HALF_AN_HOUR_LATER);

    assertThat(alertedRules()).containsExactly(java.util.List.of(ImpossibleTravelRule.ID));
  }

  @Test
  void shouldNotLookBackPastTheNewestPayments() {
    payInAmsterdamThenOnline(3, BEGINNING.plus(Duration.ofMinutes(10)));

    payInNewYork(HALF_AN_HOUR_LATER);

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldCompareALatePaymentWithTheNearestLocatedPaymentAmongTheNewest() {
    payInAmsterdamThenOnline(2, ONE_HOUR_LATER);

    payInNewYork(HALF_AN_HOUR_LATER);

    assertThat(alertedRules()).containsExactly(java.util.List.of(ImpossibleTravelRule.ID));
  }

  @Test
  void shouldNotCompareALatePaymentWithPaymentsOlderThanTheNewest() {
    payInAmsterdamThenOnline(3, ONE_HOUR_LATER);

    payInNewYork(HALF_AN_HOUR_LATER);

    assertThat(alerts.isEmpty()).isTrue();
  }
}
