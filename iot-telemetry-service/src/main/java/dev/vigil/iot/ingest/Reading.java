package dev.vigil.iot.ingest;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.Telemetry;
import java.time.Instant;

/**
 * A reading that passed the checks, with its device's registration ({@code null} for a device not
 * on {@code iot.devices}). Lives only inside the topology: it is never written to a topic.
 */
public record Reading(Telemetry telemetry, Device device) {

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
