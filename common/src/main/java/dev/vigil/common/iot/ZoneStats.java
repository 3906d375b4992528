package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;

import java.time.Instant;

/**
 * A zone's statistics for one metric over five minutes, on {@code iot.zone-stats}, keyed by zone:
 * computed over the one-minute means of its devices, so a device reporting every second weighs as
 * much as one reporting every minute. {@code count} is the number of device-minute means (at most
 * five per device); values are in the metric's unit.
 */
public record ZoneStats(
    String zone,
    String metric,
    Instant windowStart,
    Instant windowEnd,
    long count,
    double min,
    double max,
    double mean,
    double stdDev) {

  public ZoneStats {
    text(zone, "zone");
    text(metric, "metric");
    required(windowStart, "windowStart");
    required(windowEnd, "windowEnd");
  }
}
