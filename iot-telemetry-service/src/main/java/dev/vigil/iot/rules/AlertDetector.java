package dev.vigil.iot.rules;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.Metric;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.ingest.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the threshold, anomaly and stuck-sensor rules over each metric of a reading, and says which
 * alerts open or close, never while they stay open.
 *
 * <p>The rules are state machines over a device's readings in event-time order. A reading older
 * than the newest one they have looked at (it arrived out of order) is still counted in its
 * window's aggregates, but not fed to the rules: replaying it would close a breach in the past or
 * add a repeat to a run it was not part of, and open or close alerts twice.
 */
public final class AlertDetector {

  /** The rules' state after a reading, and the alerts it opened or closed, in order. */
  public record Detection(DeviceWatch watch, List<Alert> alerts) {}

  private final ThresholdRule threshold;
  private final AnomalyRule anomaly;
  private final StuckSensorRule stuck;

  public AlertDetector(IotProperties properties) {
    this.threshold = new ThresholdRule(properties.threshold().breachDuration());
    this.anomaly =
        new AnomalyRule(
            properties.anomaly().warmUp(),
            properties.anomaly().alpha(),
            properties.anomaly().zScore());
    this.stuck = new StuckSensorRule(properties.stuck().repeats());
  }

  public Detection evaluate(DeviceWatch watch, Reading reading) {
    if (reading.eventTime().isBefore(watch.lastEvaluated())) {
      return new Detection(watch, List.of());
    }
    Map<String, MetricWatch> metrics = new TreeMap<>(watch.metrics());
    List<Alert> alerts = new ArrayList<>();
    for (Map.Entry<Metric, Double> value : reading.telemetry().values().entrySet()) {
      Metric metric = value.getKey();
      Observation o =
          new Observation(
              reading.deviceId(), reading.zone(), metric, value.getValue(), reading.eventTime());
      MetricWatch before = watch.metric(metric.id());
      Step<ThresholdRule.Breach> breach =
          threshold.apply(
              before.breach(),
              o,
              reading.device() == null ? null : reading.device().threshold(metric));
      Step<AnomalyRule.Baseline> baseline = anomaly.apply(before.baseline(), o);
      Step<StuckSensorRule.Run> run = stuck.apply(before.run(), o);
      metrics.put(metric.id(), new MetricWatch(breach.state(), baseline.state(), run.state()));
      for (Step<?> step : List.of(breach, baseline, run)) {
        if (step.alert() != null) {
          alerts.add(step.alert());
        }
      }
    }
    return new Detection(new DeviceWatch(reading.eventTime(), metrics), alerts);
  }
}
