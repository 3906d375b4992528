package dev.vigil.iot.rules;

import dev.vigil.common.iot.Alert;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules' state for one device: per metric id, and the event time of the newest reading they
 * looked at. Its size is bounded by the number of metrics: a few numbers per rule, plus the alerts
 * that are open.
 */
public record DeviceWatch(Instant lastEvaluated, Map<String, MetricWatch> metrics) {

  public static final DeviceWatch NEW = new DeviceWatch(Instant.EPOCH, Map.of());

  public DeviceWatch {
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  public MetricWatch metric(String metric) {
    return metrics.getOrDefault(metric, MetricWatch.NEW);
  }

  public List<Alert> openAlerts() {
    return metrics.values().stream().flatMap(m -> m.openAlerts().stream()).toList();
  }
}
