package dev.vigil.iot.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.IotTopologyTestBase;
import dev.vigil.iot.window.DeviceMinute;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index of devices by the time each is next due: to be called offline (three intervals of ten
 * seconds here), or forgotten (seven days after its last reading arrived).
 */
class DeviceDeadlinesTest extends IotTopologyTestBase {

  private static final Duration THREE_INTERVALS = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofDays(7);

  @BeforeEach
  void registerStation() {
    register(station("s1"));
  }

  @Test
  void shouldForgetADeviceSilentForTheWholeRetentionAndLeaveItsOfflineAlertOpen() {
    for (int i = 0; i < 10; i++) {
      send(reading("s1", BEGINNING.plusSeconds(10L * i), "temperatureC", 20.0));
    }
    assertThat(latestMinute()).isNotNull();

    advanceWallClock(RETENTION.plusSeconds(1));

    assertThat(state()).isNull();
    assertThat(latestMinute()).isNull();
    assertThat(entries()).isZero();
    assertThat(liveness()).extracting(Alert::type).containsExactly(AlertType.DEVICE_OFFLINE);
  }

  @Test
  void shouldNotSayThatAForgottenDeviceIsBackOnline() {
    send(reading("s1", BEGINNING, "temperatureC", 20.0));
    advanceWallClock(RETENTION.plusSeconds(1));

    send(reading("s1", wallClock(), "temperatureC", 20.0));

    assertThat(liveness()).extracting(Alert::type).containsExactly(AlertType.DEVICE_OFFLINE);
    assertThat(state()).isNotNull();
  }

  @Test
  void shouldRememberADeviceWhoseLastReadingArrivedWithinTheRetention() {
    send(reading("s1", BEGINNING, "temperatureC", 20.0));
    advanceWallClock(Duration.ofDays(6));
    send(reading("s1", wallClock(), "temperatureC", 20.0));

    advanceWallClock(Duration.ofDays(2));

    assertThat(state()).isNotNull();
    assertThat(entries()).isEqualTo(1);
  }

  @Test
  void shouldKeepOneEntryPerDeviceHoweverOftenItReports() {
    for (int i = 0; i < 12; i++) {
      send(reading("s1", BEGINNING.plusSeconds(10L * i), "temperatureC", 20.0));
    }

    assertThat(entries()).isEqualTo(1);
  }

  @Test
  void shouldRaiseOfflineAgainWhenADeviceThatCameBackFallsSilent() {
    send(reading("s1", BEGINNING, "temperatureC", 20.0));
    advanceWallClock(THREE_INTERVALS);
    send(reading("s1", wallClock(), "temperatureC", 20.0));

    advanceWallClock(THREE_INTERVALS);

    assertThat(liveness())
        .extracting(Alert::type)
        .containsExactly(
            AlertType.DEVICE_OFFLINE, AlertType.DEVICE_ONLINE, AlertType.DEVICE_OFFLINE);
  }

  @Test
  void shouldRaiseOfflineOnTheShorterIntervalOfANewRegistration() {
    register(new Device("s1", ZONE, DeviceType.WEATHER, null, 3600, Map.of()));
    send(reading("s1", BEGINNING, "temperatureC", 20.0));
    register(station("s1"));
    send(reading("s1", BEGINNING.plusSeconds(10), "temperatureC", 20.0));

    advanceWallClock(Duration.ofSeconds(10).plus(THREE_INTERVALS));

    assertThat(liveness()).extracting(Alert::type).containsExactly(AlertType.DEVICE_OFFLINE);
  }

  private DeviceState state() {
    return driver.<String, DeviceState>getKeyValueStore(IotStores.DEVICE_STATE).get("s1");
  }

  private DeviceMinute latestMinute() {
    return driver.<String, DeviceMinute>getKeyValueStore(IotStores.LATEST_MINUTES).get("s1");
  }

  private int entries() {
    int entries = 0;
    try (KeyValueIterator<Bytes, byte[]> all =
        driver.<Bytes, byte[]>getKeyValueStore(IotStores.DEVICE_DEADLINES).all()) {
      for (; all.hasNext(); all.next()) {
        entries++;
      }
    }
    return entries;
  }

  private List<Alert> liveness() {
    return alertsOf(AlertType.DEVICE_OFFLINE, AlertType.DEVICE_ONLINE);
  }
}
