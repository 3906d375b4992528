package dev.vigil.iot;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.Metric;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.common.testing.GoldenFiles;
import dev.vigil.iot.device.DeviceState;
import dev.vigil.iot.ingest.RecentReadings;
import dev.vigil.iot.liveness.Liveness;
import dev.vigil.iot.rules.AnomalyRule;
import dev.vigil.iot.rules.DeviceWatch;
import dev.vigil.iot.rules.MetricWatch;
import dev.vigil.iot.rules.StuckSensorRule;
import dev.vigil.iot.rules.ThresholdRule;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.window.DeviceWindow;
import dev.vigil.iot.window.MetricStats;
import dev.vigil.iot.window.StreamTime;
import dev.vigil.iot.zone.SegmentMinute;
import dev.vigil.iot.zone.ZoneDevice;
import dev.vigil.iot.zone.ZoneInput;
import dev.vigil.iot.zone.ZoneOverview;
import dev.vigil.iot.zone.ZoneWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value the service stores, and the values of its repartition topic, read back from bytes
 * written by the format of this release ({@code golden/<type>.v1.bin}); zone inputs also from JSON,
 * as earlier releases wrote the repartition topic. A change that makes a committed file unreadable
 * would make deployed state unreadable. A missing file is written from the example (then commit
 * it); a file is never rewritten.
 */
class StateFormatTest {

  private static final Instant MINUTE = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant NEXT_MINUTE = MINUTE.plus(Duration.ofMinutes(1));
  private static final Instant ARRIVAL = Instant.parse("2026-03-02T09:00:58.250Z");

  private static final MetricStats PM25 = new MetricStats(6, 18.65, 2.0875, 17.9, 19.6);
  private static final MetricStats NO2 = new MetricStats(6, 42.5, 11.5, 39.0, 45.5);

  private static final Alert BREACH =
      Alert.open(
          AlertType.THRESHOLD_BREACH,
          "air-harbour-3",
          "harbour",
          Metric.PM25,
          Map.of("value", 31.2, "max", 25.0, "breachSeconds", 300.0),
          MINUTE.minus(Duration.ofMinutes(5)),
          MINUTE);

  private static final DeviceMinute DEVICE_MINUTE =
      new DeviceMinute(
          "air-harbour-3",
          "harbour",
          DeviceType.AIR_QUALITY,
          MINUTE,
          NEXT_MINUTE,
          Map.of("pm25", PM25, "no2", NO2));

  private static final SegmentMinute SEGMENT_MINUTE =
      new SegmentMinute(MINUTE, NEXT_MINUTE, 64.0, 2016.0, 64.0, 2);

  static Stream<Arguments> storedValues() {
    return Stream.of(
        value(
            "DeviceState",
            IotStores.DEVICE_STATES,
            new DeviceState(
                new RecentReadings(List.of(10481L, 10482L), List.of(), MINUTE.plusSeconds(58)),
                new Liveness(
                    "harbour",
                    MINUTE.plusSeconds(58),
                    ARRIVAL,
                    ARRIVAL.plus(Duration.ofSeconds(30)),
                    null),
                new DeviceWatch(
                    MINUTE.plusSeconds(58),
                    Map.of(
                        "pm25",
                        new MetricWatch(
                            new ThresholdRule.Breach(BREACH.openedAt(), BREACH),
                            new AnomalyRule.Baseline(40, 18.4, 0.64, null),
                            new StuckSensorRule.Run(18.4, 2, MINUTE.plusSeconds(48), null)))),
                ARRIVAL.plus(Duration.ofSeconds(30)))),
        value("DeviceMinute", IotStores.DEVICE_MINUTES, DEVICE_MINUTE),
        value("DeviceWindow", IotStores.DEVICE_WINDOWS, new DeviceWindow(Map.of("pm25", PM25))),
        value("ZoneWindow", IotStores.ZONE_WINDOWS, new ZoneWindow(Map.of("pm25", PM25))),
        value("SegmentMinute", IotStores.SEGMENT_MINUTES, SEGMENT_MINUTE),
        value("StreamTime", IotStores.STREAM_TIMES, new StreamTime(ARRIVAL.toEpochMilli())),
        value(
            "ZoneOverview",
            IotStores.ZONE_OVERVIEW_VALUES,
            new ZoneOverview(
                Map.of(
                    "pm25",
                    new ZoneStats(
                        "harbour",
                        "pm25",
                        MINUTE,
                        MINUTE.plusSeconds(300),
                        60,
                        11.2,
                        27.3,
                        18.1,
                        3.9)),
                new SegmentStats("harbour", MINUTE, NEXT_MINUTE, 64.0, 31.5, 5, 2, true),
                List.of(SEGMENT_MINUTE),
                Alert.open(
                    AlertType.CONGESTION,
                    null,
                    "harbour",
                    null,
                    Map.of("avgSpeedKmh", 31.5, "vehiclesPerMinute", 64.0),
                    MINUTE,
                    MINUTE),
                ARRIVAL)),
        value(
            "ZoneDevice",
            IotStores.ZONE_DEVICE_VALUES,
            new ZoneDevice("air-harbour-3", MINUTE, List.of(BREACH), ARRIVAL)),
        value("ZoneInput", IotStores.ZONE_INPUTS, ZoneInput.of(DEVICE_MINUTE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storedValues")
  <T> void shouldReadTheBytesThisFormatWrote(String type, Serde<T> serde, T expected) {
    GoldenFiles.assertReadsBinary(type, serde, expected);
  }

  @Test
  void shouldReadZoneInputsAsEarlierReleasesWroteThemToTheRepartitionTopic() {
    GoldenFiles.assertReadsJson("ZoneInput", IotStores.ZONE_INPUTS, ZoneInput.of(DEVICE_MINUTE));
  }

  private static Arguments value(String type, Serde<?> serde, Object example) {
    return Arguments.of(type, serde, example);
  }
}
