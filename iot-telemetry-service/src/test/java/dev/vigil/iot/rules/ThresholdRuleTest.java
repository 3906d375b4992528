package dev.vigil.iot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Threshold;
import dev.vigil.iot.IotTopologyTestBase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A metric outside its threshold for at least the threshold's duration (here 60 s). */
class ThresholdRuleTest extends IotTopologyTestBase {

  private static final Instant BREACH_LASTS = BEGINNING.plusSeconds(60);

  @BeforeEach
  void registerStation() {
    register(station("s1", "temperatureC", new Threshold(-10.0, 30.0, 60)));
  }

  @Test
  void shouldNotAlertOnASingleSpike() {
    temperatures(25.0, 35.0, 25.0, 25.0, 25.0, 25.0, 25.0, 25.0);

    assertThat(breaches()).isEmpty();
  }

  @Test
  void shouldOpenOnceWhenTheBreachHasLastedItsDuration() {
    temperatures(35.0, 35.0, 35.0, 36.0, 37.0, 36.0, 35.0, 35.0, 35.0);

    assertThat(breaches())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN))
        .satisfies(a -> assertThat(a.eventTime()).isEqualTo(BREACH_LASTS))
        .satisfies(a -> assertThat(a.openedAt()).isEqualTo(BEGINNING))
        .satisfies(a -> assertThat(a.deviceId()).isEqualTo("s1"))
        .satisfies(a -> assertThat(a.zone()).isEqualTo(ZONE))
        .satisfies(a -> assertThat(a.metric()).isEqualTo("temperatureC"))
        .satisfies(a -> assertThat(a.values()).containsEntry("value", 35.0))
        .satisfies(a -> assertThat(a.values()).containsEntry("max", 30.0))
        .satisfies(a -> assertThat(a.values()).containsEntry("breachSeconds", 60.0));
  }

  @Test
  void shouldNotOpenJustBeforeTheBreachHasLastedItsDuration() {
    send(
        reading("s1", BEGINNING, "temperatureC", 35.0),
        reading("s1", BREACH_LASTS.minusMillis(1), "temperatureC", 35.0),
        reading("s1", BREACH_LASTS, "temperatureC", 25.0));

    assertThat(breaches()).isEmpty();
  }

  @Test
  void shouldCloseOnceWithItsDurationWhenBackInRange() {
    temperatures(35.0, 35.0, 35.0, 35.0, 35.0, 35.0, 35.0, 25.0, 24.0, 35.0);

    List<Alert> breaches = breaches();
    assertThat(breaches)
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN, AlertStatus.CLOSED);
    Alert closed = breaches.get(1);
    assertThat(closed.alertId()).isEqualTo(breaches.get(0).alertId());
    assertThat(closed.closedAt()).isEqualTo(BEGINNING.plusSeconds(70));
    assertThat(closed.durationSeconds()).isEqualTo(70);
    assertThat(closed.values()).containsEntry("value", 25.0);
  }

  @Test
  void shouldWatchTheLowerBound() {
    temperatures(-11.0, -12.0, -12.0, -12.0, -12.0, -12.0, -12.0);

    assertThat(breaches())
        .singleElement()
        .satisfies(a -> assertThat(a.values()).containsEntry("min", -10.0));
  }

  @Test
  void shouldNotCloseOnAnInRangeReadingThatArrivesOutOfOrder() {
    temperatures(35.0, 35.0, 35.0, 35.0, 35.0, 35.0, 35.0);
    send(reading("s1", BEGINNING.plusSeconds(25), "temperatureC", 25.0));

    assertThat(breaches()).extracting(Alert::status).containsExactly(AlertStatus.OPEN);
  }

  @Test
  void shouldUseTheDefaultDurationForAThresholdWithoutOne() {
    register(station("s1", "temperatureC", new Threshold(null, 30.0, null)));

    temperatures(35.0, 35.0, 35.0, 35.0, 35.0, 35.0);
    assertThat(breaches()).isEmpty();
    send(reading("s1", BREACH_LASTS, "temperatureC", 35.0));

    assertThat(breaches()).singleElement();
  }

  @Test
  void shouldApplyAThresholdChangedAtRuntime() {
    temperatures(35.0, 35.0);
    register(station("s1", "temperatureC", new Threshold(null, 40.0, 60)));
    send(
        reading("s1", BEGINNING.plusSeconds(20), "temperatureC", 35.0),
        reading("s1", BREACH_LASTS, "temperatureC", 35.0));

    assertThat(breaches()).isEmpty();
  }

  /** One temperature every ten seconds from the beginning. */
  private void temperatures(double... values) {
    for (int i = 0; i < values.length; i++) {
      send(reading("s1", BEGINNING.plusSeconds(10L * i), "temperatureC", values[i]));
    }
  }

  private List<Alert> breaches() {
    return alertsOf(AlertType.THRESHOLD_BREACH);
  }
}
