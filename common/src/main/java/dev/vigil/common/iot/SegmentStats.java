package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;

import java.time.Instant;

/**
 * A road segment's traffic for one minute, after the Linear Road benchmark's segment statistics, on
 * {@code iot.segment-stats}, keyed by zone (the segment): the vehicles its counters saw in the
 * minute and their mean speed over the last five minutes. {@code avgSpeedKmh} is {@code null} when
 * no counter reported a speed in those minutes.
 */
public record SegmentStats(
    String zone,
    Instant minuteStart,
    Instant minuteEnd,
    double vehiclesPerMinute,
    Double avgSpeedKmh,
    int speedMinutes,
    int sensors,
    boolean congested) {

  public SegmentStats {
    text(zone, "zone");
    required(minuteStart, "minuteStart");
    required(minuteEnd, "minuteEnd");
  }
}
