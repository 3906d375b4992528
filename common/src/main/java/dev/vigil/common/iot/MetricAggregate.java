package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;

import java.time.Instant;

/**
 * One device's statistics for one metric over one minute, on {@code iot.aggregates}, keyed by
 * device id; sent once, when the window closes. Values are in the metric's unit; {@code stdDev} is
 * the population standard deviation. {@code zone} is {@code null} for an unregistered device.
 */
public record MetricAggregate(
    String deviceId,
    String zone,
    String metric,
    Instant windowStart,
    Instant windowEnd,
    long count,
    double min,
    double max,
    double mean,
    double stdDev) {

  public MetricAggregate {
    text(deviceId, "deviceId");
    text(metric, "metric");
    required(windowStart, "windowStart");
    required(windowEnd, "windowEnd");
  }
}
