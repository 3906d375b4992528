package dev.vigil.common.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.common.event.InvalidEventException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceTest {

  @Test
  void shouldFindTheThresholdOfAMetric() {
    Device device =
        new Device(
            "d1",
            "harbour",
            DeviceType.WEATHER,
            new Location(51.9, 4.5),
            30,
            Map.of("temperatureC", new Threshold(-10.0, 35.0, 120)));

    assertThat(device.threshold(Metric.TEMPERATURE_C).breachedBy(36.0)).isTrue();
    assertThat(device.threshold(Metric.HUMIDITY_PCT)).isNull();
  }

  @Test
  void shouldTreatEitherBoundOfAThresholdAsOptional() {
    assertThat(new Threshold(null, 35.0, null).breachedBy(-100.0)).isFalse();
    assertThat(new Threshold(0.0, null, null).breachedBy(-0.1)).isTrue();
  }

  static Stream<Arguments> invalidDevices() {
    return Stream.of(
        invalid(
            "missing zone",
            () -> new Device("d1", null, DeviceType.NOISE, null, null, null),
            "zone is required"),
        invalid(
            "zone with a slash",
            () -> new Device("d1", "old/town", DeviceType.NOISE, null, null, null),
            "zone must be 1-64 letters, digits or . _ : @ - characters"),
        invalid(
            "missing type",
            () -> new Device("d1", "harbour", null, null, null, null),
            "type is required"),
        invalid(
            "zero interval",
            () -> new Device("d1", "harbour", DeviceType.NOISE, null, 0, null),
            "expectedIntervalSeconds must be between 1 and 86400"),
        invalid(
            "threshold on an unknown metric",
            () ->
                new Device(
                    "d1",
                    "harbour",
                    DeviceType.NOISE,
                    null,
                    null,
                    Map.of("loudness", new Threshold(null, 80.0, null))),
            "thresholds.loudness is not a known metric"),
        invalid(
            "threshold on another type's metric",
            () ->
                new Device(
                    "d1",
                    "harbour",
                    DeviceType.NOISE,
                    null,
                    null,
                    Map.of("pm25", new Threshold(null, 25.0, null))),
            "thresholds.pm25 is not reported by NOISE devices"),
        invalid(
            "latitude out of range",
            () -> new Device("d1", "harbour", DeviceType.NOISE, new Location(91, 4), null, null),
            "location.latitude must be between -90.0 and 90.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDevices")
  void shouldRejectADeviceThatBreaksARule(Supplier<Device> device, String message) {
    assertThatThrownBy(device::get).isInstanceOf(InvalidEventException.class).hasMessage(message);
  }

  static Stream<Arguments> invalidThresholds() {
    return Stream.of(
        arguments(
            named("no bound", (Supplier<Threshold>) () -> new Threshold(null, null, 60)),
            "a threshold needs min, max or both"),
        arguments(
            named("min not below max", (Supplier<Threshold>) () -> new Threshold(5.0, 5.0, 60)),
            "min must be below max"),
        arguments(
            named("negative duration", (Supplier<Threshold>) () -> new Threshold(0.0, 5.0, -1)),
            "forSeconds must be between 0 and 86400"),
        arguments(
            named("NaN bound", (Supplier<Threshold>) () -> new Threshold(Double.NaN, 5.0, 60)),
            "min must be a finite number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidThresholds")
  void shouldRejectAThresholdThatBreaksARule(Supplier<Threshold> threshold, String message) {
    assertThatThrownBy(threshold::get)
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(message);
  }

  private static Arguments invalid(String rule, Supplier<Device> device, String message) {
    return arguments(named(rule, device), message);
  }
}
