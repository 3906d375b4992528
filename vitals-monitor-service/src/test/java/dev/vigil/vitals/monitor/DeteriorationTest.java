package dev.vigil.vitals.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.vitals.VitalsTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rise of 3 or more within 60 minutes, within the low band: pulse 95 (1) to 115 and RR 22 (4).
 */
class DeteriorationTest extends VitalsTopologyTestBase {

  @BeforeEach
  void lowRisk() {
    admit(PATIENT);
    measure(reading(BEGINNING).normal().pulse(95));
    alerts.readValuesToList();
  }

  @Test
  void shouldAlertWhenTheAggregateRisesBy3WithinTheBand() {
    measure(reading(TEN_MINUTES_LATER).normal().pulse(115).respirationRate(22));

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.DETERIORATION))
        .satisfies(a -> assertThat(a.previousAggregate()).isEqualTo(1))
        .satisfies(a -> assertThat(a.aggregate()).isEqualTo(4))
        .satisfies(a -> assertThat(a.riskBand()).isEqualTo(RiskBand.LOW))
        .satisfies(a -> assertThat(a.ward()).isEqualTo(WARD));
  }

  @Test
  void shouldNotAlertOnARiseOf2() {
    measure(reading(TEN_MINUTES_LATER).normal().pulse(115).temperature(38.5));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldAlertOnARiseExactly60MinutesAfterTheLowScore() {
    keepScoring(ONE_HOUR_LATER);

    assertThat(alertTypes()).containsExactly(AlertType.DETERIORATION);
  }

  @Test
  void shouldNotAlertOnARiseMoreThan60MinutesAfterTheLowScore() {
    keepScoring(ONE_HOUR_LATER.plusSeconds(1));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldMeasureFromTheLowestScoreStillInTheWindowWhenTheScoreStaysTheSame() {
    // Still 1 at 09:50, measured every 10 minutes: the rise at 10:30 is within 60 minutes of that.
    for (int minute = 10; minute <= 50; minute += 10) {
      measure(reading(BEGINNING.plus(Duration.ofMinutes(minute))).normal().pulse(95));
    }

    measure(
        reading(BEGINNING.plus(Duration.ofMinutes(90))).normal().pulse(115).respirationRate(22));

    assertThat(alertTypes()).containsExactly(AlertType.DETERIORATION);
  }

  @Test
  void shouldAlertOncePerRise() {
    measure(
        reading(TEN_MINUTES_LATER).normal().pulse(115).respirationRate(22),
        reading(TEN_MINUTES_LATER.plusSeconds(60)).normal().pulse(115).respirationRate(21),
        reading(TEN_MINUTES_LATER.plusSeconds(120)).normal().pulse(112).respirationRate(23));

    assertThat(alertTypes()).containsExactly(AlertType.DETERIORATION);
  }

  @Test
  void shouldNotAlertOnTheRiseAnEscalationAlreadyReported() {
    measure(reading(TEN_MINUTES_LATER).normal().pulse(135).respirationRate(22));

    assertThat(alerts.readValuesToList())
        .extracting(VitalsAlert::type)
        .containsExactly(AlertType.ESCALATION);
  }

  @Test
  void shouldNotMeasureARiseFromAPartialScore() {
    measure(reading(TEN_MINUTES_LATER.plus(Duration.ofMinutes(10))).pulse(95));
    // Everything but the pulse is now stale: the partial 1 is no baseline.
    measure(
        reading(ONE_HOUR_LATER.plus(Duration.ofMinutes(5)))
            .normal()
            .pulse(115)
            .respirationRate(22));

    assertThat(alerts.isEmpty()).isTrue();
  }

  /** The 09:00 score of 1 stays the lowest, then the aggregate reaches 4 at {@code rise}. */
  private void keepScoring(Instant rise) {
    measure(reading(rise).normal().pulse(115).respirationRate(22));
  }
}
