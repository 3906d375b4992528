package dev.vigil.common.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.common.event.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TelemetryTest {

  private static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void shouldKeepTheValuesByMetric() {
    Telemetry reading =
        new Telemetry("d1", NINE_AM, Map.of("temperatureC", 21.5, "humidityPct", 60.0), 3L);

    assertThat(reading.values())
        .containsEntry(Metric.TEMPERATURE_C, 21.5)
        .containsEntry(Metric.HUMIDITY_PCT, 60.0);
  }

  static Stream<Arguments> invalidReadings() {
    return Stream.of(
        invalid(
            "missing device id",
            () -> new Telemetry(null, NINE_AM, Map.of("temperatureC", 20.0), null),
            "deviceId is required"),
        invalid(
            "blank device id",
            () -> new Telemetry(" ", NINE_AM, Map.of("temperatureC", 20.0), null),
            "deviceId must not be blank"),
        invalid(
            "device id with a space",
            () -> new Telemetry("air 3", NINE_AM, Map.of("temperatureC", 20.0), null),
            "deviceId must be 1-64 letters, digits or . _ : @ - characters"),
        invalid(
            "device id longer than 64 characters",
            () -> new Telemetry("d".repeat(65), NINE_AM, Map.of("temperatureC", 20.0), null),
            "deviceId must be 1-64 letters, digits or . _ : @ - characters"),
        invalid(
            "missing time",
            () -> new Telemetry("d1", null, Map.of("temperatureC", 20.0), null),
            "eventTime is required"),
        invalid(
            "missing metrics",
            () -> new Telemetry("d1", NINE_AM, null, null),
            "metrics is required"),
        invalid(
            "no metrics",
            () -> new Telemetry("d1", NINE_AM, Map.of(), null),
            "metrics must name at least one metric"),
        invalid(
            "unknown metric",
            () -> new Telemetry("d1", NINE_AM, Map.of("temprature", 20.0), null),
            "metrics.temprature is not a known metric"),
        invalid(
            "NaN",
            () -> new Telemetry("d1", NINE_AM, Map.of("temperatureC", Double.NaN), null),
            "metrics.temperatureC must be a finite number"),
        invalid(
            "infinite",
            () ->
                new Telemetry(
                    "d1", NINE_AM, Map.of("temperatureC", Double.POSITIVE_INFINITY), null),
            "metrics.temperatureC must be a finite number"),
        invalid(
            "missing value",
            () -> new Telemetry("d1", NINE_AM, nullValue("pm25"), null),
            "metrics.pm25 is required"),
        invalid(
            "humidity above 100 %",
            () -> new Telemetry("d1", NINE_AM, Map.of("humidityPct", 100.1), null),
            "metrics.humidityPct must be between 0.0 and 100.0"),
        invalid(
            "negative vehicle count",
            () -> new Telemetry("d1", NINE_AM, Map.of("vehicleCount", -1.0), null),
            "metrics.vehicleCount must be between 0.0 and 100000.0"),
        invalid(
            "negative sequence",
            () -> new Telemetry("d1", NINE_AM, Map.of("temperatureC", 20.0), -1L),
            "sequence must not be negative"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidReadings")
  void shouldRejectAReadingThatBreaksARule(Supplier<Telemetry> reading, String message) {
    assertThatThrownBy(reading::get).isInstanceOf(InvalidEventException.class).hasMessage(message);
  }

  @Test
  void shouldRejectANonNumericValueWhenReading() {
    byte[] json =
        "{\"deviceId\":\"d1\",\"eventTime\":\"2026-03-02T09:00:00Z\",\"metrics\":{\"temperatureC\":\"warm\"}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                IotTopics.TELEMETRY.valueSerde().deserializer().deserialize("iot.telemetry", json))
        .isInstanceOf(SerializationException.class);
  }

  private static Map<String, Double> nullValue(String metric) {
    Map<String, Double> metrics = new HashMap<>();
    metrics.put(metric, null);
    return metrics;
  }

  private static Arguments invalid(String rule, Supplier<Telemetry> reading, String message) {
    return arguments(named(rule, reading), message);
  }
}
