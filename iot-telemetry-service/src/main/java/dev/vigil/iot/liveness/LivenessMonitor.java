package dev.vigil.iot.liveness;

import static dev.vigil.iot.IotStores.DEVICE_LIVENESS;
import static dev.vigil.iot.IotStores.OFFLINE_DEADLINES;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Device;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.ingest.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Raises {@code DEVICE_OFFLINE} when a device has sent nothing for {@code missedIntervals} times
 * its expected interval, and closes it with {@code DEVICE_ONLINE} at its next reading.
 *
 * <p>Silence is measured on the wall clock, from when readings arrive, and checked by a wall-clock
 * punctuator: stream time only moves when records arrive, so it would never notice that the last
 * device of a partition, or all of them, went quiet. Each device's deadline is also kept in an
 * index ordered by time, so a check reads only the devices that are due.
 *
 * <p>After a start the check waits {@code startupGrace}: the deadlines in the store were set before
 * the service stopped, and the backlog that arrived meanwhile must be read before a device can be
 * called silent.
 */
public final class LivenessMonitor implements Processor<String, Reading, String, Alert> {

  private final IotProperties.Offline settings;
  private final IotProperties.State retention;

  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Liveness> liveness;
  private KeyValueStore<String, String> deadlines;
  private long checkFrom;

  private LivenessMonitor(IotProperties properties) {
    this.settings = properties.offline();
    this.retention = properties.state();
  }

  public static ProcessorSupplier<String, Reading, String, Alert> supplier(
      IotProperties properties) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Reading, String, Alert> get() {
        return new LivenessMonitor(properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(IotStores.deviceLiveness(), IotStores.offlineDeadlines());
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    liveness = context.getStateStore(DEVICE_LIVENESS);
    deadlines = context.getStateStore(OFFLINE_DEADLINES);
    checkFrom = context.currentSystemTimeMs() + settings.startupGrace().toMillis();
    context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::findSilent);
    context.schedule(retention.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, this::forget);
  }

  @Override
  public void process(Record<String, Reading> record) {
    Reading reading = record.value();
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    Liveness before = liveness.get(record.key());
    Instant lastSeen = reading.eventTime();
    if (before != null) {
      if (before.online()) {
        deadlines.delete(OfflineDeadlines.key(before.deadline(), record.key()));
      } else {
        Duration silent = Duration.between(before.lastArrival(), now);
        Alert online =
            before
                .offline()
                .close(
                    AlertType.DEVICE_ONLINE,
                    Map.of("silentSeconds", (double) silent.toSeconds()),
                    now);
        context.forward(new Record<>(record.key(), online, now.toEpochMilli()));
      }
      if (before.lastSeen().isAfter(lastSeen)) {
        lastSeen = before.lastSeen();
      }
    }
    Instant deadline =
        now.plus(expectedInterval(reading.device()).multipliedBy(settings.missedIntervals()));
    liveness.put(record.key(), new Liveness(reading.zone(), lastSeen, now, deadline, null));
    deadlines.put(OfflineDeadlines.key(deadline, record.key()), record.key());
  }

  private Duration expectedInterval(Device device) {
    return device == null || device.expectedIntervalSeconds() == null
        ? settings.defaultExpectedInterval()
        : Duration.ofSeconds(device.expectedIntervalSeconds());
  }

  private void findSilent(long now) {
    if (now < checkFrom) {
      return;
    }
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> entries =
        deadlines.range(null, OfflineDeadlines.upTo(now))) {
      entries.forEachRemaining(due::add);
    }
    Instant detected = Instant.ofEpochMilli(now);
    for (KeyValue<String, String> entry : due) {
      deadlines.delete(entry.key);
      String deviceId = entry.value;
      Liveness device = liveness.get(deviceId);
      if (device == null || !device.online()) {
        continue;
      }
      Duration silent = Duration.between(device.lastArrival(), detected);
      Duration interval =
          Duration.between(device.lastArrival(), device.deadline())
              .dividedBy(settings.missedIntervals());
      Alert offline =
          Alert.open(
              AlertType.DEVICE_OFFLINE,
              deviceId,
              device.zone(),
              null,
              Map.of(
                  "expectedIntervalSeconds", (double) interval.toSeconds(),
                  "silentSeconds", (double) silent.toSeconds()),
              detected,
              detected);
      liveness.put(
          deviceId,
          new Liveness(
              device.zone(), device.lastSeen(), device.lastArrival(), device.deadline(), offline));
      context.forward(new Record<>(deviceId, offline, now));
    }
  }

  /**
   * A device silent for the whole retention is forgotten, with its deadline if it still had one;
   * its offline alert stays open, as nobody has seen it come back.
   */
  private void forget(long now) {
    Instant oldest = Instant.ofEpochMilli(now).minus(retention.deviceTtl());
    List<KeyValue<String, Liveness>> expired = new ArrayList<>();
    try (KeyValueIterator<String, Liveness> all = liveness.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.value.lastArrival().isBefore(oldest)) {
              expired.add(entry);
            }
          });
    }
    for (KeyValue<String, Liveness> entry : expired) {
      liveness.delete(entry.key);
      if (entry.value.online()) {
        deadlines.delete(OfflineDeadlines.key(entry.value.deadline(), entry.key));
      }
    }
  }
}
