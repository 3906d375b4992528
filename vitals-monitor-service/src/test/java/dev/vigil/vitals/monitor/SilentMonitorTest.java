package dev.vigil.vitals.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.vitals.VitalsTopologyTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Silence is measured on the wall clock, which the driver moves only when told. */
class SilentMonitorTest extends VitalsTopologyTestBase {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void shouldRaiseMonitorSilentWhenAnAdmittedPatientSendsNothingForTheTimeout() {
    admit(PATIENT);
    measure(reading(BEGINNING).normal().respirationRate(26).spo2(91).pulse(125));
    alerts.readValuesToList();

    driver.advanceWallClockTime(TIMEOUT);

    assertThat(alerts.readKeyValue())
        .satisfies(kv -> assertThat(kv.key).isEqualTo(PATIENT))
        .satisfies(kv -> assertThat(kv.value.type()).isEqualTo(AlertType.MONITOR_SILENT))
        .satisfies(kv -> assertThat(kv.value.ward()).isEqualTo(WARD))
        .satisfies(kv -> assertThat(kv.value.bed()).isEqualTo(BED))
        .satisfies(kv -> assertThat(kv.value.riskBand()).isEqualTo(RiskBand.HIGH))
        .satisfies(kv -> assertThat(kv.value.silentSince()).isEqualTo(BEGINNING))
        .satisfies(kv -> assertThat(kv.value.reason()).isEqualTo("no reading for 5 min"));
  }

  @Test
  void shouldNotRaiseItBeforeTheTimeout() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));

    driver.advanceWallClockTime(TIMEOUT.minusSeconds(1));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldRaiseItOnlyOnceWhileTheMonitorStaysSilent() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));

    driver.advanceWallClockTime(TIMEOUT);
    driver.advanceWallClockTime(TIMEOUT);
    driver.advanceWallClockTime(Duration.ofHours(1));

    assertThat(alertTypes()).containsExactly(AlertType.MONITOR_SILENT);
    assertThat(state(PATIENT).openAlerts())
        .extracting(VitalsAlert::type)
        .containsExactly(AlertType.MONITOR_SILENT);
  }

  @Test
  void shouldRaiseMonitorResumedWhenReadingsReturn() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    driver.advanceWallClockTime(Duration.ofMinutes(7));

    measure(reading(BEGINNING.plus(Duration.ofMinutes(7))).pulse(73));

    assertThat(alerts.readValuesToList())
        .extracting(VitalsAlert::type, VitalsAlert::reason)
        .containsExactly(
            tuple(AlertType.MONITOR_SILENT, "no reading for 7 min"),
            tuple(AlertType.MONITOR_RESUMED, "readings resumed after 7 min without any"));
    assertThat(state(PATIENT).openAlerts()).isEmpty();
    assertThat(state(PATIENT).silent()).isFalse();
  }

  @Test
  void shouldMeasureSilenceFromTheLastReading() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    driver.advanceWallClockTime(Duration.ofMinutes(4));
    measure(reading(BEGINNING.plus(Duration.ofMinutes(4))).pulse(72));

    driver.advanceWallClockTime(Duration.ofMinutes(4));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldWatchAnAdmittedPatientWhoseMonitorNeverSentAnything() {
    admit(PATIENT);

    driver.advanceWallClockTime(Duration.ofSeconds(30));
    driver.advanceWallClockTime(TIMEOUT);

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.MONITOR_SILENT))
        .satisfies(a -> assertThat(a.aggregate()).isNull());
  }

  @Test
  void shouldNotWatchADischargedPatient() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    discharge(PATIENT);

    driver.advanceWallClockTime(Duration.ofHours(1));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldNotWatchAPatientWithoutAnAdmission() {
    measure(reading(BEGINNING).pulse(72));

    driver.advanceWallClockTime(Duration.ofHours(1));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldNeitherScoreNorAlertADischargedPatient() {
    admit(PATIENT);
    measure(reading(BEGINNING).normal());
    scores.readValuesToList();
    discharge(PATIENT);

    measure(reading(ONE_MINUTE_LATER).normal().respirationRate(26).spo2(91).pulse(125));

    assertThat(scores.isEmpty()).isTrue();
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldForgetADischargedPatientsState() {
    admit(PATIENT);
    measure(reading(BEGINNING).normal());
    discharge(PATIENT);

    driver.advanceWallClockTime(Duration.ofSeconds(30));

    assertThat(state(PATIENT)).isNull();
  }

  @Test
  void shouldForgetAPatientWithoutAnAdmissionAfterTheRetention() {
    measure(reading(BEGINNING).normal());

    driver.advanceWallClockTime(Duration.ofHours(23));
    assertThat(state(PATIENT)).isNotNull();
    driver.advanceWallClockTime(Duration.ofHours(1).plusSeconds(1));

    assertThat(state(PATIENT)).isNull();
  }

  @Test
  void shouldWatchAReadmittedPatientAgain() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    discharge(PATIENT);
    driver.advanceWallClockTime(Duration.ofMinutes(1));

    admit(PATIENT);
    driver.advanceWallClockTime(Duration.ofSeconds(30));
    driver.advanceWallClockTime(TIMEOUT);

    assertThat(alertTypes()).containsExactly(AlertType.MONITOR_SILENT);
  }
}
