package dev.vigil.iot.liveness;

import dev.vigil.common.iot.Alert;
import java.time.Instant;

/**
 * Whether a device is reporting: the event time of its newest reading, when (on this service's
 * clock) its last reading arrived, when it becomes offline without another, and its open {@code
 * DEVICE_OFFLINE} alert ({@code null} while online).
 */
public record Liveness(
    String zone, Instant lastSeen, Instant lastArrival, Instant deadline, Alert offline) {

  public boolean online() {
    return offline == null;
  }
}
