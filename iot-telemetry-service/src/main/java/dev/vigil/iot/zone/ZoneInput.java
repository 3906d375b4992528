package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.iot.window.DeviceMinute;

/**
 * What a device's task tells its zone's task, through the one repartition by zone: a closed
 * device-minute, or an alert of the device opening or closing. Exactly one of {@code minute} and
 * {@code alert} is set.
 */
public record ZoneInput(String zone, String deviceId, DeviceMinute minute, Alert alert) {

  public static ZoneInput of(DeviceMinute minute) {
    return new ZoneInput(minute.zone(), minute.deviceId(), minute, null);
  }

  public static ZoneInput of(Alert alert) {
    return new ZoneInput(alert.zone(), alert.deviceId(), null, alert);
  }
}
