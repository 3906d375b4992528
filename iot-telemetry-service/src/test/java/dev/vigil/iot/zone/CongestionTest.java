package dev.vigil.iot.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.iot.IotTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linear Road segment statistics per road segment (zone) and minute, and the congestion alert:
 * five-minute mean speed below 40 km/h while more than 50 vehicles a minute pass. A segment minute
 * closes a minute (the zone grace) after the zone has seen a later device minute, so a test sends a
 * few minutes more traffic than it looks at.
 */
class CongestionTest extends IotTopologyTestBase {

  @BeforeEach
  void registerCounters() {
    register(counter("c1"));
    register(counter("c2"));
  }

  @Test
  void shouldReportVehiclesPerMinuteAndTheMeanSpeed() {
    traffic("c1", BEGINNING, 4, 30, 30.0);

    assertThat(segmentStats.readKeyValuesToList())
        .singleElement()
        .satisfies(kv -> assertThat(kv.key).isEqualTo(SEGMENT))
        .satisfies(kv -> assertThat(kv.value.minuteStart()).isEqualTo(BEGINNING))
        .satisfies(kv -> assertThat(kv.value.vehiclesPerMinute()).isEqualTo(60.0))
        .satisfies(kv -> assertThat(kv.value.avgSpeedKmh()).isEqualTo(30.0))
        .satisfies(kv -> assertThat(kv.value.sensors()).isEqualTo(1))
        .satisfies(kv -> assertThat(kv.value.congested()).isTrue());
  }

  @Test
  void shouldWeighEachCountersSpeedByTheVehiclesItCounted() {
    traffic("c1", BEGINNING, 1, 30, 30.0);
    traffic("c2", BEGINNING, 1, 15, 60.0);
    traffic("c1", ONE_MINUTE_LATER, 3, 30, 30.0);

    SegmentStats first = segmentStats.readValue();
    assertThat(first.vehiclesPerMinute()).isEqualTo(90.0);
    assertThat(first.avgSpeedKmh()).isEqualTo(40.0);
    assertThat(first.sensors()).isEqualTo(2);
  }

  @Test
  void shouldAverageTheSpeedOverTheLastFiveMinutes() {
    traffic("c1", BEGINNING, 1, 30, 10.0);
    traffic("c1", ONE_MINUTE_LATER, 8, 30, 40.0);

    assertThat(segmentStats.readValuesToList())
        .extracting(SegmentStats::avgSpeedKmh)
        .containsExactly(10.0, 25.0, 30.0, 32.5, 34.0, 40.0);
  }

  @Test
  void shouldOpenCongestionOnceWhileTheSegmentIsSlowAndBusy() {
    traffic("c1", BEGINNING, 8, 30, 30.0);

    assertThat(alerts.readKeyValuesToList())
        .filteredOn(kv -> kv.value.type() == AlertType.CONGESTION)
        .singleElement()
        .satisfies(kv -> assertThat(kv.key).isEqualTo(SEGMENT))
        .satisfies(kv -> assertThat(kv.value.status()).isEqualTo(AlertStatus.OPEN))
        .satisfies(kv -> assertThat(kv.value.zone()).isEqualTo(SEGMENT))
        .satisfies(kv -> assertThat(kv.value.deviceId()).isNull())
        .satisfies(kv -> assertThat(kv.value.openedAt()).isEqualTo(BEGINNING))
        .satisfies(kv -> assertThat(kv.value.values()).containsEntry("avgSpeedKmh", 30.0))
        .satisfies(kv -> assertThat(kv.value.values()).containsEntry("vehiclesPerMinute", 60.0));
  }

  @Test
  void shouldNotOpenCongestionAtFiftyVehiclesAMinute() {
    traffic("c1", BEGINNING, 6, 25, 20.0);

    assertThat(alertsOf(AlertType.CONGESTION)).isEmpty();
  }

  @Test
  void shouldNotOpenCongestionAtFortyKilometresAnHour() {
    traffic("c1", BEGINNING, 6, 60, 40.0);

    assertThat(alertsOf(AlertType.CONGESTION)).isEmpty();
  }

  @Test
  void shouldCloseCongestionOnceWhenTheSegmentRecovers() {
    traffic("c1", BEGINNING, 3, 30, 20.0);
    traffic("c1", BEGINNING.plus(Duration.ofMinutes(3)), 6, 30, 100.0);

    List<Alert> congestion = alertsOf(AlertType.CONGESTION);
    assertThat(congestion)
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN, AlertStatus.CLOSED);
    Alert closed = congestion.get(1);
    assertThat(closed.alertId()).isEqualTo(congestion.get(0).alertId());
    assertThat(closed.closedAt()).isEqualTo(BEGINNING.plus(Duration.ofMinutes(3)));
    assertThat(closed.durationSeconds()).isEqualTo(180);
    assertThat(closed.values()).containsEntry("avgSpeedKmh", 40.0);
  }

  @Test
  void shouldShowTheOpenCongestionInTheZoneOverview() {
    traffic("c1", BEGINNING, 5, 30, 30.0);

    ZoneOverview overview =
        driver
            .<String, ZoneOverview>getKeyValueStore(dev.vigil.iot.IotStores.ZONE_OVERVIEWS)
            .get(SEGMENT);
    assertThat(overview.congestion()).isNotNull();
    assertThat(overview.latestSegment().congested()).isTrue();
    assertThat(overview.recentMinutes()).hasSizeLessThanOrEqualTo(5);
  }

  /** A reading every 30 s for {@code minutes}, each counting {@code vehicles} at {@code speed}. */
  private void traffic(String counter, Instant from, int minutes, double vehicles, double speed) {
    for (int i = 0; i < minutes * 2; i++) {
      send(
          reading(
              counter, from.plusSeconds(30L * i), "vehicleCount", vehicles, "avgSpeedKmh", speed));
    }
  }
}
