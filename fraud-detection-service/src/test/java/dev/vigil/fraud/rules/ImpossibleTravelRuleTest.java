package dev.vigil.fraud.rules;

import static dev.vigil.common.testing.TransactionBuilder.NEW_YORK;
import static dev.vigil.common.testing.TransactionBuilder.UTRECHT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.fraud.FraudTopologyTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Amsterdam to New York is 5,863 km: at 900 km/h that takes 6 h 31 min. */
class ImpossibleTravelRuleTest extends FraudTopologyTestBase {

  @Test
  void shouldAlertOnACardInAmsterdamAndNewYorkAnHourApart() {
    pay(payment("ams").build(), payment("nyc").in("US", NEW_YORK).at(ONE_HOUR_LATER).build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("nyc"))
        .satisfies(a -> assertThat(a.rules().get(0).ruleId()).isEqualTo(ImpossibleTravelRule.ID))
        .satisfies(a -> assertThat(a.rules().get(0).evidence()).containsEntry("distanceKm", 5863));
  }

  @Test
  void shouldAlertWhenTheFlightWouldBeJustTooFast() {
    pay(
        payment("ams").build(),
        payment("nyc")
            .in("US", NEW_YORK)
            .at(BEGINNING.plus(Duration.ofMinutes(6 * 60 + 30)))
            .build());

    assertThat(alertedRules()).containsExactly(List.of(ImpossibleTravelRule.ID));
  }

  @Test
  void shouldNotAlertWhenTheFlightIsPossible() {
    pay(
        payment("ams").build(),
        payment("nyc")
            .in("US", NEW_YORK)
            .at(BEGINNING.plus(Duration.ofMinutes(6 * 60 + 32)))
            .build());

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldNotAlertOnNearbyTerminals() {
    pay(payment("ams").build(), payment("utr").in("NL", UTRECHT).at(ONE_SECOND_LATER).build());

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldIgnoreCardNotPresentPayments() {
    pay(
        payment("ams").build(),
        payment("web").in("US", NEW_YORK).online().at(ONE_MINUTE_LATER).build());

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldCompareAPaymentThatArrivesLateWithTheOneAfterIt() {
    pay(payment("nyc").in("US", NEW_YORK).at(ONE_HOUR_LATER).build(), payment("ams").build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.transactionId()).isEqualTo("ams"));
  }

  @Test
  void shouldApplyAHigherSpeedLimitSetAtRuntime() {
    setRule(ImpossibleTravelRule.ID, true, Map.of("maxSpeedKmh", 10_000));

    pay(payment("ams").build(), payment("nyc").in("US", NEW_YORK).at(ONE_HOUR_LATER).build());

    assertThat(alerts.isEmpty()).isTrue();
  }
}
