package dev.vigil.simulator.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.label.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IotStreamTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration SPAN = Duration.ofMinutes(15);

  private final Run run = run(1);

  @Test
  void shouldRegisterAFleetOfEveryTypeInDistrictsAndRoadSegments() {
    List<Device> devices = stream(1).devices();

    assertThat(devices).hasSize(IotStream.DEFAULT_DEVICES);
    assertThat(devices).extracting(Device::type).contains(DeviceType.values());
    assertThat(devices)
        .extracting(Device::zone)
        .contains("harbour", "old-town", "ring-road-1", "ring-road-4");
  }

  @Test
  void shouldSendReadingsInEventTimeOrder() {
    assertThat(run.readings())
        .extracting(Telemetry::eventTime)
        .isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void shouldBeTheSameForTheSameSeed() {
    Run again = run(1);

    assertThat(again.readings()).isEqualTo(run.readings());
    assertThat(again.labels()).isEqualTo(run.labels());
  }

  @Test
  void shouldLabelEveryKindOfIncident() {
    assertThat(run.incidents())
        .extracting(Label::type)
        .contains("THRESHOLD_BREACH", "SPIKE", "STUCK_SENSOR", "DRIFT", "OFFLINE", "CONGESTION");
    assertThat(run.labels().get(0).isRun()).isTrue();
  }

  @Test
  void shouldKeepSensorsWithoutIncidentsInsideTheirThresholds() {
    assertThat(run.readings())
        .filteredOn(r -> run.incidents().stream().noneMatch(l -> l.entityId().equals(r.deviceId())))
        .allSatisfy(
            r -> {
              assertThat(r.metrics().getOrDefault("pm25", 0.0)).isLessThan(25.0);
              assertThat(r.metrics().getOrDefault("noiseDb", 0.0)).isLessThan(85.0);
            });
  }

  @Test
  void shouldBreachTheThresholdForLongerThanItsDurationWhereLabelled() {
    Label breach = run.first("THRESHOLD_BREACH");

    List<Telemetry> above =
        run.during(breach).stream().filter(r -> r.metrics().get("pm25") > 25).toList();

    assertThat(Duration.between(above.get(0).eventTime(), above.get(above.size() - 1).eventTime()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(50));
  }

  @Test
  void shouldRepeatTheStuckThermometersValueForMoreThanTenReadings() {
    List<Double> temperatures =
        run.during(run.first("STUCK_SENSOR")).stream()
            .map(r -> r.metrics().get("temperatureC"))
            .toList();

    assertThat(temperatures).hasSizeGreaterThan(10).containsOnly(temperatures.get(0));
  }

  @Test
  void shouldSpikeANoiseMeterForASingleReadingAtEachLabelledSpike() {
    String meter = run.first("SPIKE").entityId();

    assertThat(run.of(meter))
        .filteredOn(r -> r.metrics().get("noiseDb") > 85)
        .extracting(Telemetry::eventTime)
        .containsExactlyElementsOf(
            run.incidents().stream()
                .filter(l -> l.type().equals("SPIKE") && l.entityId().equals(meter))
                .map(Label::onset)
                .filter(t -> t.isBefore(START.plus(SPAN)))
                .toList());
  }

  @Test
  void shouldSilenceTheOfflineDeviceForMoreThanThreeIntervals() {
    Label offline = run.first("OFFLINE");

    assertThat(run.during(offline)).isEmpty();
    assertThat(Duration.between(offline.onset(), offline.end()))
        .isGreaterThan(Duration.ofSeconds(3 * 10));
  }

  @Test
  void shouldJamTheSegmentSlowAndBusy() {
    Label jam = run.first("CONGESTION");

    List<Telemetry> counters =
        run.readings().stream()
            .filter(r -> r.deviceId().startsWith("traffic-ring-" + jam.entityId().substring(10)))
            .filter(r -> !r.eventTime().isBefore(jam.onset()) && r.eventTime().isBefore(jam.end()))
            .toList();

    assertThat(counters)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.metrics().get("avgSpeedKmh")).isLessThan(40.0));
    // Two counters, one reading every 10 s: more than 50 vehicles a minute between them.
    assertThat(
            counters.stream()
                .mapToDouble(r -> r.metrics().get("vehicleCount"))
                .average()
                .orElseThrow())
        .isGreaterThan(50.0 / 12);
  }

  private static IotStream stream(long seed) {
    return new IotStream(Scenario.of(seed, START, 1));
  }

  private static Run run(long seed) {
    IotStream stream = stream(seed);
    List<Telemetry> readings = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (IotStream.Step s = stream.next();
        s.reading().eventTime().isBefore(START.plus(SPAN));
        s = stream.next()) {
      readings.add(s.reading());
      stream.takeLabels().stream()
          .map(SampleEvent::value)
          .map(Label.class::cast)
          .forEach(labels::add);
    }
    return new Run(readings, labels);
  }

  private record Run(List<Telemetry> readings, List<Label> labels) {

    List<Label> incidents() {
      return labels.stream().filter(l -> !l.isRun()).toList();
    }

    /** The first incident of a type that ends within the run. */
    Label first(String type) {
      return incidents().stream()
          .filter(l -> l.type().equals(type) && l.end().isBefore(START.plus(SPAN)))
          .findFirst()
          .orElseThrow();
    }

    List<Telemetry> of(String deviceId) {
      return readings.stream().filter(r -> r.deviceId().equals(deviceId)).toList();
    }

    List<Telemetry> during(Label incident) {
      return of(incident.entityId()).stream()
          .filter(r -> !r.eventTime().isBefore(incident.onset()))
          .filter(r -> r.eventTime().isBefore(incident.end()))
          .toList();
    }
  }
}
