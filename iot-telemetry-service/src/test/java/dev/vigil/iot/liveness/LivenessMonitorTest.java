package dev.vigil.iot.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.iot.IotTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DEVICE_OFFLINE after three expected intervals without a reading, on the wall clock, and
 * DEVICE_ONLINE at the next reading. The stations here report every ten seconds.
 */
class LivenessMonitorTest extends IotTopologyTestBase {

  private static final Duration THREE_INTERVALS = Duration.ofSeconds(30);

  @BeforeEach
  void registerStations() {
    register(station("s1"));
    register(station("s2"));
  }

  @Test
  void shouldRaiseOfflineOnceWhenADeviceIsSilentForThreeIntervals() {
    send(reading("s1", BEGINNING, "temperatureC", 20.0));

    advanceWallClock(THREE_INTERVALS);
    advanceWallClock(Duration.ofMinutes(10));

    assertThat(liveness())
        .singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.DEVICE_OFFLINE))
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN))
        .satisfies(a -> assertThat(a.deviceId()).isEqualTo("s1"))
        .satisfies(a -> assertThat(a.zone()).isEqualTo(ZONE))
        .satisfies(a -> assertThat(a.openedAt()).isEqualTo(BEGINNING.plus(THREE_INTERVALS)))
        .satisfies(a -> assertThat(a.values()).containsEntry("expectedIntervalSeconds", 10.0))
        .satisfies(a -> assertThat(a.values()).containsEntry("silentSeconds", 30.0));
  }

  @Test
  void shouldNotRaiseOfflineJustBeforeThreeIntervals() {
    send(reading("s1", BEGINNING, "temperatureC", 20.0));

    advanceWallClock(THREE_INTERVALS.minusMillis(1));

    assertThat(liveness()).isEmpty();
  }

  @Test
  void shouldStayOnlineWhileReadingsArrive() {
    for (int i = 0; i < 12; i++) {
      send(reading("s1", BEGINNING.plusSeconds(10L * i), "temperatureC", 20.0));
    }

    assertThat(liveness()).isEmpty();
  }

  @Test
  void shouldRaiseOnlineOnceWithHowLongTheDeviceWasOfflineWhenItReportsAgain() {
    send(reading("s1", BEGINNING, "temperatureC", 20.0));
    advanceWallClock(Duration.ofMinutes(2));
    Instant back = wallClock();
    send(
        reading("s1", back, "temperatureC", 20.0),
        reading("s1", back.plusSeconds(10), "temperatureC", 20.0));

    List<Alert> liveness = liveness();
    assertThat(liveness)
        .extracting(Alert::type, Alert::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertType.DEVICE_OFFLINE, AlertStatus.OPEN),
            org.assertj.core.groups.Tuple.tuple(AlertType.DEVICE_ONLINE, AlertStatus.CLOSED));
    Alert online = liveness.get(1);
    assertThat(online.alertId()).isEqualTo(liveness.get(0).alertId());
    assertThat(online.closedAt()).isEqualTo(back);
    assertThat(online.durationSeconds())
        .isEqualTo(Duration.between(liveness.get(0).openedAt(), back).toSeconds());
  }

  @Test
  void shouldNoticeSilenceWhenTheWholeTopicIsQuiet() {
    send(
        reading("s1", BEGINNING, "temperatureC", 20.0),
        reading("s2", BEGINNING.plusSeconds(5), "temperatureC", 20.0));

    advanceWallClock(Duration.ofMinutes(1));

    assertThat(liveness()).extracting(Alert::deviceId).containsExactly("s1", "s2");
  }

  @Test
  void shouldUseTheDefaultIntervalForAnUnregisteredDevice() {
    send(reading("stray", BEGINNING, "temperatureC", 20.0));

    advanceWallClock(Duration.ofMinutes(3).minusSeconds(1));
    assertThat(liveness()).isEmpty();
    advanceWallClock(Duration.ofSeconds(1));

    assertThat(liveness()).singleElement().satisfies(a -> assertThat(a.zone()).isNull());
  }

  @Test
  void shouldMeasureSilenceFromArrivalNotFromTheReadingsOwnTime() {
    advanceWallClock(Duration.ofMinutes(5));
    sendNow(reading("s1", BEGINNING, "temperatureC", 20.0));

    advanceWallClock(THREE_INTERVALS.minusSeconds(1));

    assertThat(liveness()).isEmpty();
  }

  private List<Alert> liveness() {
    return alertsOf(AlertType.DEVICE_OFFLINE, AlertType.DEVICE_ONLINE);
  }
}
