package dev.vigil.iot.window;

import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.MetricAggregate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A device's closed one-minute window, with the zone and type it had when the window closed ({@code
 * null} for an unregistered device). Its event time is the window's start, so that on the way to
 * its zone it falls into the zone window that contains its minute.
 */
public record DeviceMinute(
    String deviceId,
    String zone,
    DeviceType type,
    Instant windowStart,
    Instant windowEnd,
    Map<String, MetricStats> metrics) {

  public DeviceMinute {
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  public List<MetricAggregate> aggregates() {
    return metrics.entrySet().stream()
        .map(
            e -> {
              MetricStats s = e.getValue();
              return new MetricAggregate(
                  deviceId,
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

  /** Each metric's mean over the minute. */
  public Map<String, Double> means() {
    Map<String, Double> means = new TreeMap<>();
    metrics.forEach((metric, stats) -> means.put(metric, stats.mean()));
    return means;
  }
}
