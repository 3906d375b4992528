package dev.vigil.iot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.iot.IotTopologyTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same value ten times in a row on a metric that should vary. */
class StuckSensorRuleTest extends IotTopologyTestBase {

  private int next;

  @Test
  void shouldOpenOnceAtTheTenthEqualReading() {
    repeat("temperatureC", 21.3, 12);

    assertThat(stuck())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN))
        .satisfies(a -> assertThat(a.openedAt()).isEqualTo(BEGINNING))
        .satisfies(a -> assertThat(a.eventTime()).isEqualTo(BEGINNING.plusSeconds(90)))
        .satisfies(a -> assertThat(a.values()).containsEntry("value", 21.3))
        .satisfies(a -> assertThat(a.values()).containsEntry("repeats", 10.0));
  }

  @Test
  void shouldNotOpenAfterNineEqualReadings() {
    repeat("temperatureC", 21.3, 9);
    repeat("temperatureC", 21.4, 1);

    assertThat(stuck()).isEmpty();
  }

  @Test
  void shouldCloseOnceWithItsDurationAtTheFirstDifferentValue() {
    repeat("temperatureC", 21.3, 11);
    repeat("temperatureC", 21.5, 2);

    List<Alert> stuck = stuck();
    assertThat(stuck)
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN, AlertStatus.CLOSED);
    assertThat(stuck.get(1).closedAt()).isEqualTo(BEGINNING.plusSeconds(110));
    assertThat(stuck.get(1).durationSeconds()).isEqualTo(110);
    assertThat(stuck.get(1).values()).containsEntry("repeats", 11.0);
  }

  @Test
  void shouldIgnoreAMetricThatMayRepeat() {
    repeat("batteryPct", 100.0, 12);

    assertThat(stuck()).isEmpty();
  }

  private void repeat(String metric, double value, int times) {
    for (int i = 0; i < times; i++) {
      send(reading("s1", BEGINNING.plusSeconds(10L * next++), metric, value));
    }
  }

  private List<Alert> stuck() {
    return alertsOf(AlertType.STUCK_SENSOR);
  }
}
