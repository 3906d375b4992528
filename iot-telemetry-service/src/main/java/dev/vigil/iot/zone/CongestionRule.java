package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.SegmentStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Linear Road's segment statistics and toll condition: for each closed minute of a road segment,
 * the vehicles counted in it and the mean speed over the last five minutes; the segment is
 * congested while that speed is below {@code maxSpeedKmh} and the minute's vehicles are more than
 * {@code minVehiclesPerMinute}. The alert opens with the first congested minute and closes with the
 * first minute that is not.
 */
public final class CongestionRule {

  public static final Duration SPEED_AVERAGE = Duration.ofMinutes(5);

  private final double maxSpeedKmh;
  private final double minVehiclesPerMinute;

  public CongestionRule(double maxSpeedKmh, double minVehiclesPerMinute) {
    this.maxSpeedKmh = maxSpeedKmh;
    this.minVehiclesPerMinute = minVehiclesPerMinute;
  }

  /** The latest minute's statistics, given the segment's minutes up to and including it. */
  public SegmentStats stats(String zone, SegmentMinute latest, List<SegmentMinute> recent) {
    Instant from = latest.minuteEnd().minus(SPEED_AVERAGE);
    double speedSum = 0;
    double speedWeight = 0;
    int speedMinutes = 0;
    for (SegmentMinute minute : recent) {
      if (!minute.minuteStart().isBefore(from) && minute.speedWeight() > 0) {
        speedSum += minute.speedSum();
        speedWeight += minute.speedWeight();
        speedMinutes++;
      }
    }
    Double avgSpeed = speedWeight == 0 ? null : Math.round(speedSum / speedWeight * 100) / 100.0;
    boolean congested =
        avgSpeed != null && avgSpeed < maxSpeedKmh && latest.vehicles() > minVehiclesPerMinute;
    return new SegmentStats(
        zone,
        latest.minuteStart(),
        latest.minuteEnd(),
        latest.vehicles(),
        avgSpeed,
        speedMinutes,
        latest.sensors(),
        congested);
  }

  /** The alert that opens or closes with these statistics, or {@code null}. */
  public Alert transition(SegmentStats stats, Alert open) {
    if (stats.congested() == (open != null)) {
      return null;
    }
    Map<String, Double> figures =
        stats.avgSpeedKmh() == null
            ? Map.of("vehiclesPerMinute", stats.vehiclesPerMinute())
            : Map.of(
                "avgSpeedKmh",
                stats.avgSpeedKmh(),
                "vehiclesPerMinute",
                stats.vehiclesPerMinute(),
                "maxSpeedKmh",
                maxSpeedKmh,
                "minVehiclesPerMinute",
                minVehiclesPerMinute);
    if (open != null) {
      return open.close(figures, stats.minuteStart());
    }
    return Alert.open(
        AlertType.CONGESTION,
        null,
        stats.zone(),
        null,
        figures,
        stats.minuteStart(),
        stats.minuteStart());
  }
}
