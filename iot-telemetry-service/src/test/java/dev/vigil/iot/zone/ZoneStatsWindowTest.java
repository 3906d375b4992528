package dev.vigil.iot.zone;

import static dev.vigil.common.json.JsonSerdes.serdeFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.LateRecord;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.iot.IotTopology;
import dev.vigil.iot.IotTopologyTestBase;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.window.MetricStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Five-minute zone windows over the devices' one-minute means, with a one-minute grace period. A
 * device's minute reaches its zone when the minute closes (its end plus 30 s of stream time), and
 * the zone's window closes when a minute that starts a minute after its end arrives.
 */
class ZoneStatsWindowTest extends IotTopologyTestBase {

  private static final Instant ZONE_WINDOW_END = FIVE_MINUTES_LATER;

  @BeforeEach
  void registerStations() {
    register(station("s1"));
    register(station("s2"));
  }

  @Test
  void shouldComputeStatisticsOfTheDeviceMeans() {
    send(
        reading("s1", BEGINNING.plusSeconds(10), "temperatureC", 20.0),
        reading("s2", BEGINNING.plusSeconds(20), "temperatureC", 30.0),
        reading("s1", BEGINNING.plusSeconds(40), "temperatureC", 22.0),
        reading("s1", ONE_MINUTE_LATER.plusSeconds(10), "temperatureC", 23.0));
    closeZoneWindowEndingAt(ZONE_WINDOW_END);

    ZoneStats stats = zoneStats.readValue();
    assertThat(stats.zone()).isEqualTo(ZONE);
    assertThat(stats.metric()).isEqualTo("temperatureC");
    assertThat(stats.windowStart()).isEqualTo(BEGINNING);
    assertThat(stats.windowEnd()).isEqualTo(ZONE_WINDOW_END);
    assertThat(stats.count()).isEqualTo(3);
    assertThat(stats.min()).isEqualTo(21.0);
    assertThat(stats.max()).isEqualTo(30.0);
    assertThat(stats.mean()).isCloseTo(74.0 / 3, within(1e-9));
    assertThat(zoneStats.isEmpty()).isTrue();
  }

  @Test
  void shouldEmitNothingBeforeTheZoneWindowCloses() {
    Instant minuteAfterGrace = ZONE_WINDOW_END.plus(Duration.ofMinutes(1));
    send(
        reading("s1", BEGINNING.plusSeconds(10), "temperatureC", 20.0),
        reading("s1", minuteAfterGrace.plusSeconds(10), "temperatureC", 20.0),
        reading("s1", minuteAfterGrace.plusSeconds(90).minusMillis(1), "temperatureC", 20.0));

    assertThat(zoneStats.isEmpty()).isTrue();
  }

  @Test
  void shouldPutTheMinuteAtTheEndOfAZoneWindowIntoTheNextOne() {
    send(
        reading("s1", ZONE_WINDOW_END.minusSeconds(30), "temperatureC", 20.0),
        reading("s1", ZONE_WINDOW_END.plusSeconds(10), "temperatureC", 40.0));
    closeZoneWindowEndingAt(ZONE_WINDOW_END.plus(IotTopology.ZONE_WINDOW));

    assertThat(zoneStats.readValuesToList())
        .extracting(ZoneStats::windowStart, ZoneStats::mean)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BEGINNING, 20.0),
            org.assertj.core.groups.Tuple.tuple(ZONE_WINDOW_END, 40.0));
  }

  @Test
  void shouldLeaveUnregisteredDevicesOutOfZones() {
    send(
        reading("stray", BEGINNING.plusSeconds(10), "temperatureC", 99.0),
        reading("s1", BEGINNING.plusSeconds(10), "temperatureC", 20.0));
    closeZoneWindowEndingAt(ZONE_WINDOW_END);

    assertThat(zoneStats.readValuesToList())
        .singleElement()
        .satisfies(s -> assertThat(s.max()).isEqualTo(20.0));
  }

  @Test
  void shouldSendADeviceMinuteThatReachesItsZoneTooLateToLate() {
    send(reading("s1", BEGINNING.plusSeconds(10), "temperatureC", 20.0));
    closeZoneWindowEndingAt(ZONE_WINDOW_END);

    // A minute from a partition whose stream time lags the others by more than the zone grace.
    Instant lastMinute = BEGINNING.plus(Duration.ofMinutes(4));
    zoneNews().pipeInput(ZONE, ZoneInput.of(minute("s2", lastMinute, 35.0)), lastMinute);

    LateRecord record = late.readValue();
    assertThat(record.deviceId()).isEqualTo("s2");
    assertThat(record.zone()).isEqualTo(ZONE);
    assertThat(record.window()).isEqualTo(IotTopology.ZONE_STATS_WINDOW);
    assertThat(record.windowStart()).isEqualTo(BEGINNING);
    assertThat(record.metrics()).containsEntry("temperatureC", 35.0);
    assertThat(zoneStats.readValuesToList())
        .singleElement()
        .satisfies(s -> assertThat(s.max()).isEqualTo(20.0));
  }

  /**
   * A zone window closes when its zone sees a device minute that starts a grace period (a minute)
   * after the window's end, which happens when that device minute closes: 30 s after its end.
   */
  private void closeZoneWindowEndingAt(Instant end) {
    Instant minuteAfterGrace = end.plus(Duration.ofMinutes(1));
    send(
        reading("s1", minuteAfterGrace.plusSeconds(10), "temperatureC", 20.0),
        reading("s1", minuteAfterGrace.plusSeconds(90), "temperatureC", 20.0));
  }

  private TestInputTopic<String, ZoneInput> zoneNews() {
    return driver.createInputTopic(
        "test-" + IotTopology.BY_ZONE_TOPIC + "-repartition",
        Serdes.String().serializer(),
        serdeFor(ZoneInput.class).serializer());
  }

  private static DeviceMinute minute(String deviceId, Instant start, double temperature) {
    return new DeviceMinute(
        deviceId,
        ZONE,
        DeviceType.WEATHER,
        start,
        start.plus(IotTopology.DEVICE_WINDOW),
        Map.of("temperatureC", MetricStats.of(temperature)));
  }
}
