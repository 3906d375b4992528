package dev.vigil.iot.zone;

import dev.vigil.common.event.TimestampedEvent;
import dev.vigil.common.iot.Alert;
import dev.vigil.iot.window.DeviceMinute;
import java.time.Instant;

/**
 * What a device's task tells its zone's task, through the one repartition by zone: a closed
 * device-minute, or an alert of the device opening or closing. Exactly one of {@code minute} and
 * {@code alert} is set.
 */
public record ZoneInput(String zone, String deviceId, DeviceMinute minute, Alert alert)
    implements TimestampedEvent {

  public static ZoneInput of(DeviceMinute minute) {
    return new ZoneInput(minute.zone(), minute.deviceId(), minute, null);
  }

  public static ZoneInput of(Alert alert) {
    return new ZoneInput(alert.zone(), alert.deviceId(), null, alert);
  }

  /** A minute's start, so it lands in the zone windows of its minute. */
  @Override
  public Instant eventTime() {
    return minute != null ? minute.windowStart() : alert.eventTime();
  }
}
