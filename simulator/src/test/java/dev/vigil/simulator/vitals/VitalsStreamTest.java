package dev.vigil.simulator.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.label.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VitalsStreamTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration HISTORY = Duration.ofHours(2);
  private static final Duration SPAN = Duration.ofHours(3);

  private final Run run = run(1);

  @Test
  void shouldAdmitFortyPatientsOnTwoWards() {
    List<Patient> patients = stream(1).patients();

    assertThat(patients).hasSize(VitalsStream.DEFAULT_PATIENTS).allMatch(Patient::active);
    assertThat(patients).extracting(Patient::ward).containsOnly("ward-7", "ward-8");
  }

  @Test
  void shouldStartTheHistoryBeforeTheStartAndNeverGoBackInTime() {
    assertThat(run.readings().get(0).eventTime()).isEqualTo(START.minus(HISTORY));
    assertThat(run.readings())
        .extracting(VitalsReading::eventTime)
        .isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void shouldBeTheSameForTheSameSeed() {
    Run again = run(1);

    assertThat(again.readings()).isEqualTo(run.readings());
    assertThat(again.labels()).isEqualTo(run.labels());
  }

  @Test
  void shouldLabelDeteriorationsSuddenEventsAndSilencesOnlyAfterTheStart() {
    assertThat(run.incidents())
        .extracting(Label::type)
        .contains("DETERIORATION", "SUDDEN_EVENT", "MONITOR_SILENT");
    assertThat(run.incidents())
        .filteredOn(l -> l.type().equals("MONITOR_SILENT"))
        .allSatisfy(l -> assertThat(l.onset()).isAfter(START));
  }

  @Test
  void shouldKeepPatientsWithoutIncidentsAtNews2OfTwoOrLess() {
    assertThat(run.readings())
        .filteredOn(
            r -> run.incidents().stream().noneMatch(l -> l.entityId().equals(r.patientId())))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(VitalsStream.news2(values(r))).isLessThanOrEqualTo(2));
  }

  @Test
  void shouldTakeADeterioratingPatientToNews2OfSevenOrMoreOverHalfAnHourOrMore() {
    Label deterioration = run.first("DETERIORATION");
    List<VitalsReading> readings = run.during(deterioration);

    VitalsReading high =
        readings.stream().filter(r -> VitalsStream.news2(values(r)) >= 7).findFirst().orElseThrow();
    assertThat(Duration.between(deterioration.onset(), high.eventTime()))
        .isGreaterThan(Duration.ofMinutes(10));
    assertThat(deterioration.deadline())
        .isAfterOrEqualTo(deterioration.onset().plus(Duration.ofMinutes(10)));
    assertThat(VitalsStream.news2(values(readings.get(0)))).isLessThanOrEqualTo(3);
    assertThat(VitalsStream.news2(values(readings.get(readings.size() - 1))))
        .isGreaterThanOrEqualTo(9);
  }

  @Test
  void shouldSendNothingFromASilentMonitor() {
    Label silence = run.first("MONITOR_SILENT");

    assertThat(run.during(silence)).isEmpty();
    assertThat(Duration.between(silence.onset(), silence.end()))
        .isGreaterThan(Duration.ofMinutes(5));
  }

  private static double[] values(VitalsReading r) {
    return new double[] {
      r.respirationRate(), r.spo2(), r.systolicBloodPressure(), r.pulse(), r.temperature()
    };
  }

  private static VitalsStream stream(long seed) {
    return new VitalsStream(new Scenario(seed, START, 1, null, null, HISTORY));
  }

  private static Run run(long seed) {
    VitalsStream stream = stream(seed);
    List<VitalsReading> readings = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    Instant until = START.minus(HISTORY).plus(SPAN);
    for (VitalsStream.Step s = stream.next();
        s.reading().eventTime().isBefore(until);
        s = stream.next()) {
      readings.add(s.reading());
      stream.takeLabels().stream()
          .map(SampleEvent::value)
          .map(Label.class::cast)
          .forEach(labels::add);
    }
    return new Run(readings, labels, until);
  }

  private record Run(List<VitalsReading> readings, List<Label> labels, Instant until) {

    List<Label> incidents() {
      return labels.stream().filter(l -> !l.isRun()).toList();
    }

    Label first(String type) {
      return incidents().stream()
          .filter(l -> l.type().equals(type) && l.end().isBefore(until))
          .findFirst()
          .orElseThrow();
    }

    List<VitalsReading> during(Label incident) {
      return readings.stream()
          .filter(r -> r.patientId().equals(incident.entityId()))
          .filter(r -> !r.eventTime().isBefore(incident.onset()))
          .filter(r -> r.eventTime().isBefore(incident.end()))
          .toList();
    }
  }
}
