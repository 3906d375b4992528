package dev.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.Metric;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IotAlertFormatTest {

  private static final Instant MORNING = Instant.parse("2026-03-02T09:01:00Z");

  private final AlertFormat format = new IotAlertFormat();

  @Test
  void shouldShowABreachWithWhereAndHowFarAndHowLong() {
    Alert breach =
        Alert.open(
            AlertType.THRESHOLD_BREACH,
            "air-harbour-2",
            "harbour",
            Metric.PM25,
            Map.of("value", 38.4, "max", 25.0, "breachSeconds", 60.0),
            MORNING.minusSeconds(60),
            MORNING);

    assertThat(format.format(json(breach)).render("iot", ZoneOffset.UTC))
        .isEqualTo("09:01:00  iot  BREACH   harbour air-harbour-2 pm25 38.4 above 25 for 60 s");
  }

  @Test
  void shouldShowAnOfflineDeviceAndItsReturn() {
    Alert offline =
        Alert.open(
            AlertType.DEVICE_OFFLINE,
            "traffic-ring-s-2",
            "ring-road-south",
            null,
            Map.of("silentSeconds", 30.0, "expectedIntervalSeconds", 10.0),
            MORNING,
            MORNING);
    Alert online =
        offline.close(
            AlertType.DEVICE_ONLINE, Map.of("silentSeconds", 90.0), MORNING.plusSeconds(60));

    assertThat(format.format(json(offline)).render("iot", ZoneOffset.UTC))
        .isEqualTo(
            "09:01:00  iot  OFFLINE  ring-road-south traffic-ring-s-2 silent for 30 s, expected"
                + " every 10 s");
    assertThat(format.format(json(online)).render("iot", ZoneOffset.UTC))
        .isEqualTo(
            "09:02:00  iot  ONLINE   ring-road-south traffic-ring-s-2 reporting again after 60 s");
  }

  @Test
  void shouldShowACongestedSegmentAndWhenItClears() {
    Alert jam =
        Alert.open(
            AlertType.CONGESTION,
            null,
            "ring-road-north",
            null,
            Map.of("avgSpeedKmh", 31.5, "vehiclesPerMinute", 108.0),
            MORNING,
            MORNING);

    assertThat(format.format(json(jam)).render("iot", ZoneOffset.UTC))
        .isEqualTo(
            "09:01:00  iot  JAM      ring-road-north 31.5 km/h on average, 108 vehicles a minute");
    assertThat(
            format
                .format(json(jam.close(Map.of(), MORNING.plusSeconds(180))))
                .render("iot", ZoneOffset.UTC))
        .isEqualTo("09:04:00  iot  CLEARED  ring-road-north congestion over after 180 s");
  }

  private static byte[] json(Alert alert) {
    return IotTopics.ALERTS.valueSerde().serializer().serialize(IotTopics.ALERTS.name(), alert);
  }
}
