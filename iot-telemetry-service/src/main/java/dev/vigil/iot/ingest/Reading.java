package dev.vigil.iot.ingest;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.Metric;
import dev.vigil.common.iot.Telemetry;
import java.time.Instant;

/**
 * A reading with its device's registration ({@code null} for a device not on {@code iot.devices}).
 * Lives only inside the topology: it is never written to a topic.
 *
 * <p>A registered device may report only its type's metrics, a policy: a reading with any metric
 * that its device's type does not report is rejected whole, not trimmed, so that the dead letter
 * shows the device's mistake as it was sent. A device that is not registered may report any
 * catalogued metric.
 */
public record Reading(Telemetry telemetry, Device device) {

  public Reading {
    if (device != null) {
      for (Metric metric : telemetry.values().keySet()) {
        if (!device.type().reports(metric)) {
          throw new InvalidEventException(
              "metrics." + metric.id() + " is not reported by " + device.type() + " devices");
        }
      }
    }
  }

  public String deviceId() {
    return telemetry.deviceId();
  }

  public Instant eventTime() {
    return telemetry.eventTime();
  }

  /** {@code null} for an unregistered device. */
  public String zone() {
    return device == null ? null : device.zone();
  }

  /** {@code null} for an unregistered device. */
  public DeviceType type() {
    return device == null ? null : device.type();
  }
}
