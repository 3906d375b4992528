package dev.vigil.iot.zone;

import dev.vigil.common.iot.ZoneStats;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.window.MetricStats;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A zone's device-minute means in one five-minute window so far: statistics per metric id. */
public record ZoneWindow(Map<String, MetricStats> metrics) {

  public static final ZoneWindow EMPTY = new ZoneWindow(Map.of());

  public ZoneWindow {
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  public ZoneWindow add(DeviceMinute minute) {
    Map<String, MetricStats> next = new TreeMap<>(metrics);
    minute
        .means()
        .forEach(
            (metric, mean) ->
                next.merge(metric, MetricStats.of(mean), (stats, one) -> stats.add(mean)));
    return new ZoneWindow(next);
  }

  public List<ZoneStats> stats(String zone, Instant windowStart, Instant windowEnd) {
    return metrics.entrySet().stream()
        .map(
            e -> {
              MetricStats s = e.getValue();
              return new ZoneStats(
                  zone,
                  e.getKey(),
                  windowStart,
                  windowEnd,
                  s.count(),
                  s.min(),
                  s.max(),
                  s.mean(),
                  s.stdDev());
            })
        .toList();
  }
}
