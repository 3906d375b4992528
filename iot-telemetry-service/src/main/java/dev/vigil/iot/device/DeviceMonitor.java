package dev.vigil.iot.device;

import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.iot.IotMetrics;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.device.DeviceOutput.Accepted;
import dev.vigil.iot.device.DeviceOutput.Raised;
import dev.vigil.iot.ingest.Reading;
import dev.vigil.iot.ingest.RecentReadings;
import dev.vigil.iot.liveness.Liveness;
import dev.vigil.iot.liveness.LivenessRule;
import dev.vigil.iot.rules.AlertDetector;
import dev.vigil.iot.rules.DeviceWatch;
import dev.vigil.iot.rules.Step;
import dev.vigil.iot.window.DeviceMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * What the service does with each reading of a device, on the device's one {@link DeviceState}: it
 * drops a redelivered duplicate, follows the device's liveness and runs the alert rules, so that a
 * reading reads and writes the device's state once. It passes on the readings it accepts and the
 * alerts that open or close: a {@code DEVICE_ONLINE} first, stamped with the service's clock that
 * measured it, then the rules' alerts, stamped with the reading's time.
 *
 * <p>A reading is a duplicate when its device and sequence number are those of a recent one, or,
 * without a sequence number, its device and event time: a producer retry or a device resending
 * after a lost acknowledgement delivers it again, and it would count twice in its minute and could
 * open or close an alert twice.
 *
 * <p>A wall-clock punctuator finds the devices that fell silent, or have been silent for the whole
 * retention and are forgotten (their offline alert left open, as nobody saw them come back), in an
 * index of devices ordered by the time each is next due. A reading that moves a device's deadline
 * later leaves its entry where it is: when the entry falls due, the device is looked at and its
 * entry moved to the deadline it has by then, so that a steadily reporting device costs one index
 * write per deadline instead of two per reading. A reading that moves it earlier (the device is
 * back online, or its registration now expects it more often) moves the entry at once.
 *
 * <p>After a start the check waits {@code startupGrace}: the deadlines in the store were set before
 * the service stopped, and the backlog that arrived meanwhile must be read before a device can be
 * called silent.
 */
public final class DeviceMonitor implements Processor<String, Reading, String, DeviceOutput> {

  /** Index entries read at a time, so that a check's memory is bounded however many are due. */
  private static final int BATCH = 1_000;

  private final IotProperties.Ingest ingest;
  private final IotProperties.Offline offline;
  private final Duration retention;
  private final LivenessRule livenessRule;
  private final AlertDetector detector;
  private final IotMetrics metrics;

  private ProcessorContext<String, DeviceOutput> context;
  private KeyValueStore<String, DeviceState> states;
  private KeyValueStore<String, DeviceMinute> latestMinutes;
  private TimeIndex deadlines;
  private long checkFrom;

  private DeviceMonitor(IotProperties properties, IotMetrics metrics) {
    this.ingest = properties.ingest();
    this.offline = properties.offline();
    this.retention = properties.state().deviceTtl();
    this.livenessRule = new LivenessRule(properties.offline());
    this.detector = new AlertDetector(properties);
    this.metrics = metrics;
  }

  public static ProcessorSupplier<String, Reading, String, DeviceOutput> supplier(
      IotProperties properties, IotMetrics metrics) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Reading, String, DeviceOutput> get() {
        return new DeviceMonitor(properties, metrics);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            IotStores.deviceStates(), IotStores.deviceDeadlines(), IotStores.latestMinutes());
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, DeviceOutput> context) {
    this.context = context;
    states = context.getStateStore(IotStores.DEVICE_STATE);
    latestMinutes = context.getStateStore(IotStores.LATEST_MINUTES);
    deadlines = TimeIndex.over(context.getStateStore(IotStores.DEVICE_DEADLINES));
    checkFrom = context.currentSystemTimeMs() + offline.startupGrace().toMillis();
    context.schedule(offline.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkDue);
  }

  @Override
  public void process(Record<String, Reading> record) {
    String deviceId = record.key();
    Reading reading = record.value();
    Telemetry telemetry = reading.telemetry();
    DeviceState before = states.get(deviceId);
    if (before != null && before.recent().contains(telemetry.sequence(), telemetry.eventTime())) {
      metrics.duplicateReading();
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    RecentReadings recent =
        (before == null ? RecentReadings.EMPTY : before.recent())
            .with(
                telemetry.sequence(),
                telemetry.eventTime(),
                ingest.dedupReadings(),
                ingest.dedupRetention());
    Step<Liveness> liveness =
        livenessRule.arrived(before == null ? null : before.liveness(), reading, now);
    AlertDetector.Detection detection =
        detector.evaluate(before == null ? DeviceWatch.NEW : before.watch(), reading);
    Instant due = dueOf(liveness.state());
    Instant checkAt = before == null ? null : before.checkAt();
    if (checkAt == null) {
      deadlines.add(due.toEpochMilli(), deviceId);
      checkAt = due;
    } else if (due.isBefore(checkAt)) {
      deadlines.move(checkAt.toEpochMilli(), due.toEpochMilli(), deviceId);
      checkAt = due;
    }
    states.put(deviceId, new DeviceState(recent, liveness.state(), detection.watch(), checkAt));

    if (liveness.alert() != null) {
      context.forward(new Record<>(deviceId, new Raised(liveness.alert()), now.toEpochMilli()));
    }
    detection.alerts().forEach(alert -> context.forward(record.withValue(new Raised(alert))));
    context.forward(record.withValue(new Accepted(reading)));
  }

  private void checkDue(long nowMs) {
    if (nowMs < checkFrom) {
      return;
    }
    Instant now = Instant.ofEpochMilli(nowMs);
    List<TimeIndex.Entry> entries;
    do {
      entries = deadlines.takeDue(nowMs, BATCH);
      List<Due> due = new ArrayList<>();
      for (TimeIndex.Entry entry : entries) {
        DeviceState device = states.get(entry.id());
        if (device == null) {
          continue;
        }
        Instant next = dueOf(device.liveness());
        if (next.isAfter(now)) {
          deadlines.add(next.toEpochMilli(), entry.id());
          states.put(entry.id(), device.checkingAt(next));
        } else {
          due.add(new Due(entry.id(), device, next));
        }
      }
      // In the order the deadlines passed, as if each had had its entry at its deadline.
      due.sort(Comparator.comparing(Due::time).thenComparing(Due::deviceId));
      due.forEach(device -> check(device, now));
    } while (entries.size() == BATCH);
  }

  private void check(Due due, Instant now) {
    DeviceState device = due.device();
    Step<Liveness> checked = livenessRule.check(due.deviceId(), device.liveness(), now);
    if (checked.alert() != null) {
      context.forward(
          new Record<>(due.deviceId(), new Raised(checked.alert()), now.toEpochMilli()));
    }
    Instant next = dueOf(checked.state());
    if (next.isAfter(now)) {
      deadlines.add(next.toEpochMilli(), due.deviceId());
      states.put(
          due.deviceId(), new DeviceState(device.recent(), checked.state(), device.watch(), next));
    } else {
      states.delete(due.deviceId());
      latestMinutes.delete(due.deviceId());
    }
  }

  /** The device's liveness deadline while it is online, or else the end of its retention. */
  private Instant dueOf(Liveness liveness) {
    Instant forgotten = liveness.lastArrival().plus(retention);
    return liveness.online() && liveness.deadline().isBefore(forgotten)
        ? liveness.deadline()
        : forgotten;
  }

  private record Due(String deviceId, DeviceState device, Instant time) {}
}
