package dev.vigil.iot.device;

import dev.vigil.iot.ingest.RecentReadings;
import dev.vigil.iot.liveness.Liveness;
import dev.vigil.iot.rules.DeviceWatch;
import java.time.Instant;

/**
 * What the service keeps about a device between its readings, as one store value, since every
 * reading needs all of it: the ids of its recent readings (for de-duplication), its liveness, and
 * the alert rules' state. {@code checkAt} is the time of the device's entry in the index of
 * deadlines: never later than its liveness deadline or the end of its retention, possibly earlier.
 */
public record DeviceState(
    RecentReadings recent, Liveness liveness, DeviceWatch watch, Instant checkAt) {

  DeviceState checkingAt(Instant time) {
    return new DeviceState(recent, liveness, watch, time);
  }
}
