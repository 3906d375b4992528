package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VitalsStreamTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  @Test
  void shouldAdmitADozenPatientsOnTwoWards() {
    List<Patient> patients = new VitalsStream(1, START, INTERVAL).patients();

    assertThat(patients).hasSize(12).allMatch(Patient::active);
    assertThat(patients).extracting(Patient::ward).containsOnly("ward-7", "ward-8");
  }

  @Test
  void shouldSendReadingsInEventTimeOrder() {
    List<VitalsReading> readings = readings(new VitalsStream(1, START, INTERVAL), 500);

    assertThat(readings)
        .extracting(VitalsReading::eventTime)
        .isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void shouldBeTheSameForTheSameSeed() {
    assertThat(readings(new VitalsStream(7, START, INTERVAL), 200))
        .isEqualTo(readings(new VitalsStream(7, START, INTERVAL), 200));
  }

  @Test
  void shouldKeepStablePatientsNormalAndTakeTheFirstPatientToTheDoneWhenValues() {
    List<VitalsReading> firstCycle =
        until(new VitalsStream(1, START, INTERVAL), VitalsStream.CYCLE);

    assertThat(firstCycle)
        .filteredOn(r -> !r.patientId().equals("p-01"))
        .allSatisfy(
            r -> {
              assertThat(r.respirationRate()).isBetween(12.0, 20.0);
              assertThat(r.spo2()).isGreaterThanOrEqualTo(96.0);
              assertThat(r.pulse()).isBetween(51.0, 90.0);
              assertThat(r.temperature()).isBetween(36.1, 38.0);
              assertThat(r.systolicBloodPressure()).isBetween(111.0, 219.0);
            });
    assertThat(firstCycle)
        .filteredOn(r -> r.patientId().equals("p-01"))
        .anySatisfy(
            r -> {
              assertThat(r.respirationRate()).isGreaterThanOrEqualTo(25.0);
              assertThat(r.spo2()).isLessThanOrEqualTo(91.0);
              assertThat(r.pulse()).isBetween(111.0, 130.0);
              assertThat(r.temperature()).isGreaterThanOrEqualTo(39.1);
            });
  }

  @Test
  void shouldSilenceOneMonitorForLongerThanTheTimeoutEveryOtherCycle() {
    List<VitalsReading> secondCycle =
        until(new VitalsStream(1, START, INTERVAL), VitalsStream.CYCLE.multipliedBy(2)).stream()
            .filter(r -> !r.eventTime().isBefore(START.plus(VitalsStream.CYCLE)))
            .toList();
    String quiet = String.format("p-%02d", VitalsStream.quiet(VitalsStream.CYCLE) + 1);

    List<Instant> times =
        secondCycle.stream()
            .filter(r -> r.patientId().equals(quiet))
            .map(VitalsReading::eventTime)
            .toList();
    Duration longestGap = Duration.ZERO;
    for (int i = 1; i < times.size(); i++) {
      Duration gap = Duration.between(times.get(i - 1), times.get(i));
      longestGap = gap.compareTo(longestGap) > 0 ? gap : longestGap;
    }
    assertThat(longestGap).isGreaterThan(Duration.ofMinutes(5));
  }

  private static List<VitalsReading> readings(VitalsStream stream, int count) {
    List<VitalsReading> readings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      readings.add(stream.next());
    }
    return readings;
  }

  private static List<VitalsReading> until(VitalsStream stream, Duration span) {
    List<VitalsReading> readings = new ArrayList<>();
    for (VitalsReading r = stream.next();
        r.eventTime().isBefore(START.plus(span));
        r = stream.next()) {
      readings.add(r);
    }
    return readings;
  }
}
