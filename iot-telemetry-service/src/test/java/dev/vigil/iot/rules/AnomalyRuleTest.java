package dev.vigil.iot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.IotTopologyTestBase;
import dev.vigil.iot.device.DeviceState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reading more than 4 deviations from the device's own baseline, once the baseline has 30
 * readings. The baseline here alternates 20.0 and 21.0 °C: mean 20.5, deviation 0.5.
 */
class AnomalyRuleTest extends IotTopologyTestBase {

  private static final int WARM_UP = 30;

  private int next;

  @Test
  void shouldNotFireDuringTheWarmUp() {
    normal(WARM_UP - 1);
    temperature(30.0);

    assertThat(anomalies()).isEmpty();
  }

  @Test
  void shouldOpenOnceOnAReadingFarFromTheBaseline() {
    normal(WARM_UP);
    temperature(25.0);
    temperature(26.0);

    assertThat(anomalies())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN))
        .satisfies(a -> assertThat(a.metric()).isEqualTo("temperatureC"))
        .satisfies(a -> assertThat(a.values()).containsEntry("value", 25.0))
        .satisfies(a -> assertThat(a.values().get("baselineMean")).isCloseTo(20.5, within(0.05)))
        .satisfies(a -> assertThat(a.values().get("baselineStdDev")).isCloseTo(0.5, within(0.05)))
        .satisfies(a -> assertThat(a.values().get("zScore")).isCloseTo(9.0, within(0.1)));
  }

  @Test
  void shouldNotFireOnAReadingWithinFourDeviations() {
    normal(WARM_UP);
    temperature(22.5);
    temperature(18.5);

    assertThat(anomalies()).isEmpty();
  }

  @Test
  void shouldFireOnAReadingFarBelowTheBaseline() {
    normal(WARM_UP);
    temperature(15.0);

    assertThat(anomalies()).singleElement();
  }

  @Test
  void shouldCloseOnceWithItsDurationWhenBackNearTheBaseline() {
    normal(WARM_UP);
    Instant spike = temperature(30.0);
    temperature(30.0);
    Instant back = temperature(20.5);
    temperature(20.5);

    List<Alert> anomalies = anomalies();
    assertThat(anomalies)
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN, AlertStatus.CLOSED);
    assertThat(anomalies.get(1).openedAt()).isEqualTo(spike);
    assertThat(anomalies.get(1).closedAt()).isEqualTo(back);
    assertThat(anomalies.get(1).durationSeconds()).isEqualTo(20);
  }

  @Test
  void shouldKeepTheBaselineWhereItWasAfterASpike() {
    normal(WARM_UP);
    temperature(500.0 / 10);

    AnomalyRule.Baseline baseline =
        driver
            .<String, DeviceState>getKeyValueStore(IotStores.DEVICE_STATE)
            .get("s1")
            .watch()
            .metric("temperatureC")
            .baseline();
    assertThat(baseline.mean()).isCloseTo(20.6, within(0.01));
  }

  @Test
  void shouldLearnALastingChangeOfLevel() {
    normal(WARM_UP);
    for (int i = 0; i < 120; i++) {
      temperature(25.0);
    }

    assertThat(anomalies())
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN, AlertStatus.CLOSED);
  }

  private void normal(int readings) {
    for (int i = 0; i < readings; i++) {
      temperature(i % 2 == 0 ? 20.0 : 21.0);
    }
  }

  /** The next reading, ten seconds after the previous one; returns its time. */
  private Instant temperature(double value) {
    Instant at = BEGINNING.plusSeconds(10L * next++);
    send(reading("s1", at, "temperatureC", value));
    return at;
  }

  private List<Alert> anomalies() {
    return alertsOf(AlertType.ANOMALY);
  }
}
