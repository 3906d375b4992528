package dev.vigil.iot.device;

import dev.vigil.common.iot.Alert;
import dev.vigil.iot.ingest.Reading;
import java.util.List;

/** What the device monitor passes on: a reading it accepted, or an alert it raised. */
public sealed interface DeviceOutput {

  /** A reading that is not a duplicate, for the device's windows. */
  record Accepted(Reading reading) implements DeviceOutput {}

  /** An alert opening or closing. */
  record Raised(Alert alert) implements DeviceOutput {}

  static List<Reading> readings(DeviceOutput output) {
    return output instanceof Accepted accepted ? List.of(accepted.reading()) : List.of();
  }

  static List<Alert> alerts(DeviceOutput output) {
    return output instanceof Raised raised ? List.of(raised.alert()) : List.of();
  }
}
