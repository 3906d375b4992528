package dev.vigil.iot.rules;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.Metric;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.StateSweep;
import dev.vigil.iot.ingest.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Runs the threshold, anomaly and stuck-sensor rules over each metric of each reading, keeps their
 * state per device, and emits an alert when one opens or closes, never while it stays open.
 *
 * <p>The rules are state machines over a device's readings in event-time order. A reading older
 * than the newest one they have looked at (it arrived out of order) is still counted in its
 * window's aggregates, but not fed to the rules: replaying it would close a breach in the past or
 * add a repeat to a run it was not part of, and open or close alerts twice.
 */
public final class AlertDetector implements FixedKeyProcessor<String, Reading, Alert> {

  private final ThresholdRule threshold;
  private final AnomalyRule anomaly;
  private final StuckSensorRule stuck;
  private final IotProperties.State retention;

  private FixedKeyProcessorContext<String, Alert> context;
  private KeyValueStore<String, DeviceWatch> watches;

  private AlertDetector(IotProperties properties) {
    this.threshold = new ThresholdRule(properties.threshold().breachDuration());
    this.anomaly =
        new AnomalyRule(
            properties.anomaly().warmUp(),
            properties.anomaly().alpha(),
            properties.anomaly().zScore());
    this.stuck = new StuckSensorRule(properties.stuck().repeats());
    this.retention = properties.state();
  }

  public static FixedKeyProcessorSupplier<String, Reading, Alert> supplier(
      IotProperties properties) {
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<String, Reading, Alert> get() {
        return new AlertDetector(properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(IotStores.deviceWatches());
      }
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Alert> context) {
    this.context = context;
    watches = context.getStateStore(IotStores.DEVICE_WATCHES);
    context.schedule(
        retention.sweepInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          Instant oldest = Instant.ofEpochMilli(now).minus(retention.deviceTtl());
          StateSweep.remove(watches, w -> w.lastEvaluated().isBefore(oldest));
        });
  }

  @Override
  public void process(FixedKeyRecord<String, Reading> record) {
    Reading reading = record.value();
    DeviceWatch watch = watches.get(record.key());
    if (watch == null) {
      watch = DeviceWatch.NEW;
    }
    if (reading.eventTime().isBefore(watch.lastEvaluated())) {
      return;
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
    watches.put(record.key(), new DeviceWatch(reading.eventTime(), metrics));
    alerts.forEach(alert -> context.forward(record.withValue(alert)));
  }
}
