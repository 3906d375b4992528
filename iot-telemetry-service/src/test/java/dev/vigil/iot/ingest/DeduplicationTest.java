package dev.vigil.iot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.MetricAggregate;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.iot.IotMetrics;
import dev.vigil.iot.IotTopologyTestBase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reading delivered twice counts once: same device and sequence number, or event time. */
class DeduplicationTest extends IotTopologyTestBase {

  private static final Instant MINUTE_CLOSED = ONE_MINUTE_LATER.plusSeconds(30);

  @Test
  void shouldCountAReadingWithTheSameSequenceNumberOnce() {
    send(
        numbered(7, BEGINNING, 20.0),
        numbered(7, BEGINNING.plusSeconds(1), 20.0),
        numbered(8, MINUTE_CLOSED, 20.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::count)
        .containsExactly(1L);
    assertThat(registry.get(IotMetrics.DUPLICATES).counter().count()).isEqualTo(1);
  }

  @Test
  void shouldCountReadingsWithDifferentSequenceNumbersAtTheSameTimeTwice() {
    send(
        numbered(7, BEGINNING, 20.0),
        numbered(8, BEGINNING, 22.0),
        numbered(9, MINUTE_CLOSED, 20.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::count)
        .containsExactly(2L);
  }

  @Test
  void shouldCountAnUnnumberedReadingWithTheSameTimeOnce() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", MINUTE_CLOSED, "temperatureC", 20.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::count)
        .containsExactly(1L);
  }

  @Test
  void shouldNotCountReadingsOfDifferentDevicesAsDuplicates() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d2", BEGINNING, "temperatureC", 20.0),
        reading("d1", MINUTE_CLOSED, "temperatureC", 20.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::deviceId)
        .containsExactlyInAnyOrder("d1", "d2");
  }

  @Test
  void shouldNotLetDuplicatesMakeASensorLookStuck() {
    for (int i = 0; i < 5; i++) {
      Telemetry reading = numbered(i, BEGINNING.plusSeconds(10L * i), 21.3);
      send(reading, reading);
    }

    assertThat(alertsOf(AlertType.STUCK_SENSOR)).isEmpty();
  }

  private static Telemetry numbered(long sequence, Instant at, double temperature) {
    return new Telemetry("d1", at, Map.of("temperatureC", temperature), sequence);
  }
}
