package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.inRange;
import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.timestamp;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.event.TimestampedEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reading of a sensor, keyed by device id on {@code iot.telemetry}: metric name to value, each
 * in its metric's unit (see {@link Metric}). {@code sequence}, when the device numbers its
 * readings, identifies a redelivered duplicate; without it the event time does.
 */
public record Telemetry(
    String deviceId, Instant eventTime, Map<String, Double> metrics, Long sequence)
    implements TimestampedEvent {

  public Telemetry {
    IotIds.pathId(deviceId, "deviceId");
    timestamp(eventTime, "eventTime");
    if (required(metrics, "metrics").isEmpty()) {
      throw new InvalidEventException("metrics must name at least one metric");
    }
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    metrics.forEach(
        (name, value) -> {
          Metric metric =
              Metric.byId(name)
                  .orElseThrow(
                      () ->
                          new InvalidEventException("metrics." + name + " is not a known metric"));
          inRange(
              required(value, "metrics." + name), metric.min(), metric.max(), "metrics." + name);
        });
    if (sequence != null && sequence < 0) {
      throw new InvalidEventException("sequence must not be negative");
    }
  }

  /** The readings by metric, in the catalogue's order. */
  public Map<Metric, Double> values() {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    metrics.forEach((name, value) -> values.put(Metric.byId(name).orElseThrow(), value));
    return values;
  }
}
