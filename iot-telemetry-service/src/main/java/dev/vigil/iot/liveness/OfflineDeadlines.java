package dev.vigil.iot.liveness;

import java.time.Instant;
import java.util.Locale;

/**
 * Keys of the index of devices by the time they become offline: the time first, zero-padded, so
 * that the store's byte order is time order and one range scan finds every device that is due,
 * however many devices are not.
 */
final class OfflineDeadlines {

  private OfflineDeadlines() {}

  static String key(Instant deadline, String deviceId) {
    return String.format(Locale.ROOT, "%013d/%s", deadline.toEpochMilli(), deviceId);
  }

  /** The greatest key of any device due at or before {@code now}. */
  static String upTo(long now) {
    return String.format(Locale.ROOT, "%013d~", now);
  }
}
