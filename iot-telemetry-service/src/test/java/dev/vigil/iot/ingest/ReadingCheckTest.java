package dev.vigil.iot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.iot.MetricAggregate;
import dev.vigil.iot.IotTopologyTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The checks a reading's fields cannot make. Here a failed check surfaces as the exception the
 * dead-letter handler would receive (the test driver runs without it); the integration tests show
 * the dead letters themselves.
 */
class ReadingCheckTest extends IotTopologyTestBase {

  @Test
  void shouldRejectARecordKeyedByAnotherDevice() {
    assertThatThrownBy(
            () -> telemetry.pipeInput("d2", reading("d1", BEGINNING, "temperatureC", 20.0)))
        .rootCause()
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("the record key must be the reading's deviceId d1");
  }

  @Test
  void shouldRejectAMetricThatTheDevicesTypeDoesNotReport() {
    register(station("s1"));

    assertThatThrownBy(() -> send(reading("s1", BEGINNING, "temperatureC", 20.0, "noiseDb", 60.0)))
        .rootCause()
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("metrics.noiseDb is not reported by WEATHER devices");
  }

  @Test
  void shouldAcceptAnyCataloguedMetricFromAnUnregisteredDevice() {
    send(
        reading("stray", BEGINNING, "noiseDb", 60.0, "pm25", 12.0),
        reading("stray", TWO_MINUTES_LATER, "noiseDb", 60.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::metric)
        .containsExactlyInAnyOrder("noiseDb", "pm25");
  }

  @Test
  void shouldRejectAReadingTooFarAheadOfTheServicesClock() {
    assertThatThrownBy(
            () ->
                sendNow(
                    reading(
                        "d1",
                        wallClock().plus(Duration.ofMinutes(5)).plusMillis(1),
                        "temperatureC",
                        20.0)))
        .rootCause()
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "eventTime 2026-03-02T09:05:00.001Z is more than 300 s ahead of the service's clock"
                + " (2026-03-02T09:00:00Z)");
  }

  @Test
  void shouldAcceptAReadingAsFarAheadOfTheServicesClockAsAllowed() {
    sendNow(reading("d1", wallClock().plus(Duration.ofMinutes(5)), "temperatureC", 20.0));

    assertThat(late.isEmpty()).isTrue();
  }
}
