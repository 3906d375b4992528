package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.required;

import dev.vigil.common.event.InvalidEventException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registered sensor, keyed by device id on the compacted {@code iot.devices}. {@code zone} is the
 * district or road segment it belongs to; {@code expectedIntervalSeconds} how often it reports (the
 * service's default when absent); {@code thresholds} the range per metric it should stay in.
 */
public record Device(
    String deviceId,
    String zone,
    DeviceType type,
    Location location,
    Integer expectedIntervalSeconds,
    Map<String, Threshold> thresholds) {

  public Device {
    IotIds.pathId(deviceId, "deviceId");
    IotIds.pathId(zone, "zone");
    required(type, "type");
    if (expectedIntervalSeconds != null
        && (expectedIntervalSeconds < 1 || expectedIntervalSeconds > 86_400)) {
      throw new InvalidEventException("expectedIntervalSeconds must be between 1 and 86400");
    }
    thresholds =
        thresholds == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(thresholds));
    thresholds.forEach(
        (name, threshold) -> {
          Metric metric =
              Metric.byId(name)
                  .orElseThrow(
                      () ->
                          new InvalidEventException(
                              "thresholds." + name + " is not a known metric"));
          if (!type.reports(metric)) {
            throw new InvalidEventException(
                "thresholds." + name + " is not reported by " + type + " devices");
          }
          required(threshold, "thresholds." + name);
        });
  }

  public Threshold threshold(Metric metric) {
    return thresholds.get(metric.id());
  }
}
