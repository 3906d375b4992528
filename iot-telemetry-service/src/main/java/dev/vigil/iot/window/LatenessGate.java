package dev.vigil.iot.window;

import dev.vigil.common.iot.LateRecord;
import dev.vigil.iot.IotMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Placed just before a tumbling-window aggregation, marks each record that the aggregation would
 * drop as late, so it can go to {@code iot.late} instead of vanishing: the DSL's windowed
 * aggregation drops a record silently (a task-level metric aside) once its window's end plus the
 * grace period is behind the stream time it has observed.
 *
 * <p>The gate sees the same records in the same order as the aggregation, minus the late ones,
 * which are behind stream time and so never advance it: its stream time is never behind the
 * aggregation's, and a record it passes is never dropped there. Its stream time is kept in a store,
 * one per task and so per input partition, because the aggregation's own is not: after a restart
 * the aggregation would accept a late record into a window it has already emitted, where nobody
 * would ever see it.
 */
public final class LatenessGate<V> implements FixedKeyProcessor<String, V, Gated<V>> {

  private static final String STREAM_TIME = "stream-time";

  private final String window;
  private final long sizeMs;
  private final Duration grace;
  private final String storeName;
  private final BiFunction<V, Lateness, LateRecord> describe;
  private final IotMetrics metrics;

  private FixedKeyProcessorContext<String, Gated<V>> context;
  private KeyValueStore<String, Long> store;
  private long streamTime;

  private LatenessGate(
      String window,
      Duration size,
      Duration grace,
      String storeName,
      BiFunction<V, Lateness, LateRecord> describe,
      IotMetrics metrics) {
    this.window = window;
    this.sizeMs = size.toMillis();
    this.grace = grace;
    this.storeName = storeName;
    this.describe = describe;
    this.metrics = metrics;
  }

  /**
   * A gate before tumbling windows of {@code size} and {@code grace}, keeping its stream time in
   * {@code storeName}; {@code window} names them on {@code iot.late} and in the late-records
   * metric.
   */
  public static <V> FixedKeyProcessorSupplier<String, V, Gated<V>> supplier(
      String window,
      Duration size,
      Duration grace,
      String storeName,
      BiFunction<V, Lateness, LateRecord> describe,
      IotMetrics metrics) {
    StoreBuilder<KeyValueStore<String, Long>> store =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(storeName), Serdes.String(), Serdes.Long());
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<String, V, Gated<V>> get() {
        return new LatenessGate<>(window, size, grace, storeName, describe, metrics);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Gated<V>> context) {
    this.context = context;
    store = context.getStateStore(storeName);
    Long stored = store.get(STREAM_TIME);
    streamTime = stored == null ? Long.MIN_VALUE : stored;
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    long timestamp = record.timestamp();
    long windowStart = timestamp - Math.floorMod(timestamp, sizeMs);
    long windowEnd = windowStart + sizeMs;
    if (streamTime != Long.MIN_VALUE && windowEnd <= streamTime - grace.toMillis()) {
      metrics.lateRecord(window);
      Lateness lateness =
          new Lateness(
              window,
              Instant.ofEpochMilli(timestamp),
              Instant.ofEpochMilli(windowStart),
              Instant.ofEpochMilli(windowEnd),
              Instant.ofEpochMilli(streamTime),
              grace);
      context.forward(
          record.withValue(new Gated<>(null, describe.apply(record.value(), lateness))));
      return;
    }
    if (timestamp > streamTime) {
      streamTime = timestamp;
      store.put(STREAM_TIME, streamTime);
    }
    context.forward(record.withValue(new Gated<>(record.value(), null)));
  }
}
