package dev.vigil.iot.window;

import dev.vigil.common.iot.Telemetry;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One device's readings in one window so far: statistics per metric id. */
public record DeviceWindow(Map<String, MetricStats> metrics) {

  public static final DeviceWindow EMPTY = new DeviceWindow(Map.of());

  public DeviceWindow {
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  public DeviceWindow add(Telemetry reading) {
    Map<String, MetricStats> next = new TreeMap<>(metrics);
    reading
        .metrics()
        .forEach(
            (metric, value) ->
                next.merge(metric, MetricStats.of(value), (stats, one) -> stats.add(value)));
    return new DeviceWindow(next);
  }
}
