package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IotStreamTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final List<Telemetry> firstCycle = until(new IotStream(1, START), IotStream.CYCLE);

  @Test
  void shouldRegisterAFleetOfEveryTypeInFourZones() {
    List<Device> devices = new IotStream(1, START).devices();

    assertThat(devices).extracting(Device::type).contains(DeviceType.values());
    assertThat(devices)
        .extracting(Device::zone)
        .containsOnly("harbour", "old-town", "ring-road-north", "ring-road-south");
  }

  @Test
  void shouldSendReadingsInEventTimeOrder() {
    assertThat(firstCycle).extracting(Telemetry::eventTime).isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void shouldBeTheSameForTheSameSeed() {
    assertThat(until(new IotStream(7, START), Duration.ofMinutes(2)))
        .isEqualTo(until(new IotStream(7, START), Duration.ofMinutes(2)));
  }

  @Test
  void shouldKeepHealthySensorsInsideTheirThresholds() {
    assertThat(of("air-harbour-1"))
        .allSatisfy(r -> assertThat(r.metrics().get("pm25")).isLessThan(25.0));
    assertThat(of("noise-old-town-2"))
        .allSatisfy(r -> assertThat(r.metrics().get("noiseDb")).isLessThan(85.0));
  }

  @Test
  void shouldBreachTheSmoggyStationsThresholdForLongerThanItsDuration() {
    List<Instant> above =
        of(IotStream.SMOGGY).stream()
            .filter(r -> r.metrics().get("pm25") > 25)
            .map(Telemetry::eventTime)
            .toList();

    assertThat(Duration.between(above.get(0), above.get(above.size() - 1)))
        .isGreaterThan(Duration.ofSeconds(60));
  }

  @Test
  void shouldFreezeOneStationsTemperatureForMoreThanTenReadings() {
    List<Double> temperatures =
        of(IotStream.FROZEN).stream().map(r -> r.metrics().get("temperatureC")).toList();

    int longestRun = 1;
    int run = 1;
    for (int i = 1; i < temperatures.size(); i++) {
      run = temperatures.get(i).equals(temperatures.get(i - 1)) ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
    }
    assertThat(longestRun).isGreaterThanOrEqualTo(10);
  }

  @Test
  void shouldSpikeOneNoiseMeterForASingleReading() {
    assertThat(of(IotStream.SPIKY))
        .filteredOn(r -> r.metrics().get("noiseDb") > 85)
        .singleElement()
        .satisfies(r -> assertThat(r.metrics().get("noiseDb")).isEqualTo(104.0));
  }

  @Test
  void shouldSilenceOneCounterForMoreThanThreeIntervals() {
    List<Instant> times = of(IotStream.SILENT).stream().map(Telemetry::eventTime).toList();

    Duration longestGap = Duration.ZERO;
    for (int i = 1; i < times.size(); i++) {
      Duration gap = Duration.between(times.get(i - 1), times.get(i));
      longestGap = gap.compareTo(longestGap) > 0 ? gap : longestGap;
    }
    assertThat(longestGap).isGreaterThan(Duration.ofSeconds(30));
  }

  @Test
  void shouldJamTheNorthernRingRoadSlowAndBusy() {
    List<Telemetry> jammed =
        firstCycle.stream()
            .filter(r -> r.deviceId().startsWith("traffic-ring-n"))
            .filter(r -> r.metrics().get("avgSpeedKmh") < 40)
            .toList();

    // Two counters, one reading every 10 s: more than 50 vehicles a minute between them.
    assertThat(jammed).hasSizeGreaterThan(40);
    assertThat(
            jammed.stream()
                .mapToDouble(r -> r.metrics().get("vehicleCount"))
                .average()
                .orElseThrow())
        .isGreaterThan(50.0 / 12);
  }

  private List<Telemetry> of(String deviceId) {
    return firstCycle.stream().filter(r -> r.deviceId().equals(deviceId)).toList();
  }

  private static List<Telemetry> until(IotStream stream, Duration span) {
    List<Telemetry> readings = new ArrayList<>();
    for (Telemetry r = stream.next(); r.eventTime().isBefore(START.plus(span)); r = stream.next()) {
      readings.add(r);
    }
    return readings;
  }
}
