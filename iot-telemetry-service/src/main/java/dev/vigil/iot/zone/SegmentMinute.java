package dev.vigil.iot.zone;

import dev.vigil.common.iot.Metric;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.window.MetricStats;
import java.time.Instant;

/**
 * A road segment's traffic counters over one minute: the vehicles they counted, and the speeds they
 * reported weighted by the vehicles each counted, so that a busy lane weighs more than an empty
 * one. A counter that reports speeds but no counts weighs one per reading.
 */
public record SegmentMinute(
    Instant minuteStart,
    Instant minuteEnd,
    double vehicles,
    double speedSum,
    double speedWeight,
    int sensors) {

  public static final SegmentMinute EMPTY = new SegmentMinute(null, null, 0, 0, 0, 0);

  public SegmentMinute add(DeviceMinute minute) {
    MetricStats counts = minute.metrics().get(Metric.VEHICLE_COUNT.id());
    MetricStats speeds = minute.metrics().get(Metric.AVG_SPEED_KMH.id());
    double counted = counts == null ? 0 : counts.sum();
    double weight = speeds == null ? 0 : counts == null ? speeds.count() : counted;
    return new SegmentMinute(
        minuteStart,
        minuteEnd,
        vehicles + counted,
        speedSum + (weight == 0 ? 0 : speeds.mean() * weight),
        speedWeight + weight,
        sensors + 1);
  }

  public SegmentMinute in(Instant start, Instant end) {
    return new SegmentMinute(start, end, vehicles, speedSum, speedWeight, sensors);
  }
}
