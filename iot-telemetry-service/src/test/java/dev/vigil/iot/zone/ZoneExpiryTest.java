package dev.vigil.iot.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.IotStores;
import dev.vigil.iot.IotTopologyTestBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A zone, and a device of a zone, that the zone has heard nothing of for seven days on the
 * service's clock is forgotten; the zone side looks once an hour.
 */
class ZoneExpiryTest extends IotTopologyTestBase {

  private static final Duration RETENTION_AND_A_SWEEP = Duration.ofDays(7).plusHours(1);

  @BeforeEach
  void fillTheZone() {
    register(station("s1"));
    send(
        reading("s1", BEGINNING.plusSeconds(10), "temperatureC", 20.0),
        reading("s1", FIVE_MINUTES_LATER.plusSeconds(70), "temperatureC", 20.0),
        reading("s1", FIVE_MINUTES_LATER.plusSeconds(150), "temperatureC", 20.0));
    assertThat(zoneStats.readValuesToList()).isNotEmpty();
    // The station falls silent, and its DEVICE_OFFLINE is the last the zone hears of it.
    advanceWallClock(Duration.ofMinutes(1));
  }

  @Test
  void shouldForgetAZoneAndItsDevicesHeardNothingOfForTheRetention() {
    advanceWallClock(RETENTION_AND_A_SWEEP);

    assertThat(overview()).isNull();
    assertThat(device()).isNull();
  }

  @Test
  void shouldForgetOnlyWhatTheZoneHeardNothingOf() {
    advanceWallClock(Duration.ofDays(6));
    // The station comes back: its DEVICE_ONLINE reaches the zone, no new statistics do.
    send(reading("s1", wallClock(), "temperatureC", 20.0));

    advanceWallClock(Duration.ofDays(2));

    assertThat(overview()).isNull();
    assertThat(device()).isNotNull();
  }

  private ZoneOverview overview() {
    return driver.<String, ZoneOverview>getKeyValueStore(IotStores.ZONE_OVERVIEWS).get(ZONE);
  }

  private ZoneDevice device() {
    return driver
        .<String, ZoneDevice>getKeyValueStore(IotStores.ZONE_DEVICES)
        .get(ZoneKeys.device(ZONE, "s1"));
  }
}
