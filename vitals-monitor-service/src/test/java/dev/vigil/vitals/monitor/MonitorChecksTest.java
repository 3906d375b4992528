package dev.vigil.vitals.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.vitals.VitalsTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * Checks are lazy timers: one per patient, which readings do not move, found due on the wall clock
 * and then taken to the patient's real deadline.
 */
class MonitorChecksTest extends VitalsTopologyTestBase {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(30);

  private long pendingChecks() {
    long count = 0;
    try (KeyValueIterator<Bytes, byte[]> all =
        driver.<Bytes, byte[]>getKeyValueStore(VitalsStores.MONITOR_CHECKS).all()) {
      while (all.hasNext()) {
        all.next();
        count++;
      }
    }
    return count;
  }

  private void measureEveryMinute(int readings, Instant from) {
    for (int i = 0; i < readings; i++) {
      driver.advanceWallClockTime(Duration.ofMinutes(1));
      measure(reading(from.plus(Duration.ofMinutes(i + 1))).pulse(72));
    }
  }

  @Test
  void shouldKeepOneCheckPerPatientWhichReadingsLeaveWhereItIs() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    driver.advanceWallClockTime(CHECK_INTERVAL);

    measureEveryMinute(3, BEGINNING);

    assertThat(pendingChecks()).isEqualTo(1);
    assertThat(state(PATIENT).nextCheckMs()).isEqualTo(BEGINNING.plus(TIMEOUT).toEpochMilli());
  }

  @Test
  void shouldCallAMonitorSilentAtItsRealDeadlineWhenItsCheckFellDueEarly() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    measureEveryMinute(3, BEGINNING);
    Instant lastHeard = BEGINNING.plus(Duration.ofMinutes(3));

    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(alerts.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofMinutes(3));

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.MONITOR_SILENT))
        .satisfies(a -> assertThat(a.silentSince()).isEqualTo(lastHeard));
  }

  @Test
  void shouldWatchAPatientAdmittedAfterTheirFirstReading() {
    measure(reading(BEGINNING).pulse(72));
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    admit(PATIENT);

    driver.advanceWallClockTime(Duration.ofMinutes(4));

    assertThat(alertTypes()).containsExactly(AlertType.MONITOR_SILENT);
  }

  @Test
  void shouldWatchAMonitorAgainOnceItsReadingsResume() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    driver.advanceWallClockTime(TIMEOUT);
    measure(reading(BEGINNING.plus(TIMEOUT)).pulse(72));

    driver.advanceWallClockTime(TIMEOUT);

    assertThat(alertTypes())
        .containsExactly(
            AlertType.MONITOR_SILENT, AlertType.MONITOR_RESUMED, AlertType.MONITOR_SILENT);
  }

  @Test
  void shouldForgetAPatientWhoseAdmissionWasRemovedOnceTheRetentionHasPassed() {
    admit(PATIENT);
    measure(reading(BEGINNING).pulse(72));
    driver.advanceWallClockTime(TIMEOUT);
    patients.pipeInput(PATIENT, null);

    driver.advanceWallClockTime(Duration.ofHours(23));
    assertThat(state(PATIENT)).isNotNull();
    driver.advanceWallClockTime(Duration.ofHours(1));

    assertThat(state(PATIENT)).isNull();
    assertThat(pendingChecks()).isZero();
  }
}
