package dev.vigil.vitals.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.vitals.VitalsTopologyTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalationTest extends VitalsTopologyTestBase {

  @BeforeEach
  void admitted() {
    admit(PATIENT);
  }

  @Test
  void shouldNotAlertAPatientWhoseScoreStaysNone() {
    measure(reading(BEGINNING).normal(), reading(ONE_MINUTE_LATER).normal().pulse(80));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldEscalateOnceWhenTheBandRisesAndNotAgainAtTheSameBand() {
    measure(
        reading(BEGINNING).normal(),
        reading(BEGINNING.plusSeconds(60)).pulse(115).respirationRate(22).temperature(38.5),
        reading(BEGINNING.plusSeconds(120)).pulse(116),
        reading(BEGINNING.plusSeconds(180)).pulse(112).temperature(38.6));

    assertThat(alerts.readValuesToList())
        .extracting(VitalsAlert::type, VitalsAlert::previousRiskBand, VitalsAlert::riskBand)
        .containsExactly(tuple(AlertType.ESCALATION, RiskBand.NONE, RiskBand.MEDIUM));
  }

  @Test
  void shouldDeEscalateOnceWhenACompleteScoreFalls() {
    measure(
        reading(BEGINNING).normal().respirationRate(26).spo2(91).pulse(125),
        reading(ONE_MINUTE_LATER).normal(),
        reading(ONE_MINUTE_LATER.plusSeconds(60)).normal().pulse(70));

    assertThat(alerts.readValuesToList())
        .extracting(VitalsAlert::type, VitalsAlert::previousRiskBand, VitalsAlert::riskBand)
        .containsExactly(
            tuple(AlertType.ESCALATION, RiskBand.NONE, RiskBand.HIGH),
            tuple(AlertType.DE_ESCALATION, RiskBand.HIGH, RiskBand.NONE));
  }

  @Test
  void shouldNotDeEscalateOnAPartialScore() {
    measure(reading(BEGINNING).normal().respirationRate(26).spo2(91).pulse(125));

    // Twenty minutes later only the pulse is measured: everything else is stale.
    measure(reading(BEGINNING.plusSeconds(20 * 60)).pulse(72));

    assertThat(alertTypes()).containsExactly(AlertType.ESCALATION);
    assertThat(state(PATIENT).announcedBand()).isEqualTo(RiskBand.HIGH);
  }

  @Test
  void shouldEscalateOnAPartialScoreSinceItsBandIsALowerBound() {
    measure(reading(BEGINNING).consciousness(Consciousness.UNRESPONSIVE));

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.riskBand()).isEqualTo(RiskBand.LOW_MEDIUM))
        .satisfies(a -> assertThat(a.partial()).isTrue())
        .satisfies(a -> assertThat(a.reason()).contains("partial: 1 of 7 parameters"));
  }

  @Test
  void shouldEscalateAgainAfterADeEscalation() {
    measure(
        reading(BEGINNING).normal().respirationRate(26),
        reading(ONE_MINUTE_LATER).normal(),
        reading(ONE_MINUTE_LATER.plusSeconds(60)).respirationRate(26));

    assertThat(alertTypes())
        .containsExactly(AlertType.ESCALATION, AlertType.DE_ESCALATION, AlertType.ESCALATION);
  }

  @Test
  void shouldKeepTheEscalationOpenUntilTheBandFalls() {
    measure(reading(BEGINNING).normal().respirationRate(26).spo2(91).pulse(125));

    assertThat(state(PATIENT).openAlerts())
        .extracting(VitalsAlert::type)
        .containsExactly(AlertType.ESCALATION);

    measure(reading(ONE_MINUTE_LATER).normal());

    assertThat(state(PATIENT).openAlerts()).isEmpty();
  }
}
