package dev.vigil.iot.window;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.vigil.common.iot.LateRecord;
import dev.vigil.iot.IotMetrics;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.window.WindowResult.Closed;
import dev.vigil.iot.window.WindowResult.Late;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Tumbling windows, each emitted once: when stream time (the newest record time this window has
 * seen, per task) passes its end plus the grace period. A record later than that is passed on as
 * {@link Late} for {@code iot.late}, not dropped silently.
 *
 * <p>Kafka Streams' own final-only windows ({@code emitStrategy(onWindowClose())}) lose windows
 * when stream time jumps: {@code KStreamWindowAggregate} stores the record that moves stream time
 * before it emits what that record closed, and its store drops, and no longer returns, windows that
 * start more than the retention (at least size plus grace) before the newest window it holds. A
 * reading minutes after the last one of its partition (devices reporting every five minutes, a
 * backlog of them, a quiet partition) would close windows that are gone by then. Here the windows a
 * record closes are emitted and deleted before the record is stored, so the store holds only
 * windows still open: one or two per key. They are keyed by start, then key, so that those a record
 * closes are one range scan, in the order the DSL emits them.
 *
 * <p>Stream time lives in memory, and is stored only when it closes a window. Between two closings
 * no window's fate changes, so after a restart the stored value decides every record as the stream
 * time before the restart would have: a record for a window already emitted is still late, instead
 * of opening that window again. Until a newer record arrives, a late record then reports the stored
 * stream time, up to a window earlier than the one before the restart. The task's own restored
 * stream time would be ahead: it counts every record of the task's partitions, also those that
 * never reach this window (alerts beside the minutes on the zone repartition topic, minutes of
 * other device types, readings rejected or dropped as duplicates).
 */
public final class FinalWindow<V, A> implements Processor<String, V, String, WindowResult<A>> {

  private static final String LAST_CLOSE = "last-close";
  private static final long NO_TIME = Long.MIN_VALUE;

  private final WindowSpec window;
  private final long size;
  private final long grace;
  private final A empty;
  private final BiFunction<A, V, A> add;
  private final BiFunction<V, Lateness, LateRecord> describe;
  private final IotMetrics metrics;

  private ProcessorContext<String, WindowResult<A>> context;
  private KeyValueStore<Bytes, A> open;
  private KeyValueStore<String, StreamTime> lastClose;
  private long streamTime = NO_TIME;

  /** The end of the newest window this instance emitted. */
  private long emittedUpTo = NO_TIME;

  private FinalWindow(
      WindowSpec window,
      A empty,
      BiFunction<A, V, A> add,
      BiFunction<V, Lateness, LateRecord> describe,
      IotMetrics metrics) {
    this.window = window;
    this.size = window.size().toMillis();
    this.grace = window.grace().toMillis();
    this.empty = empty;
    this.add = add;
    this.describe = describe;
    this.metrics = metrics;
  }

  /**
   * Windows that start {@code empty} and {@code add} each record on time; {@code describe} says
   * what a late record was.
   */
  public static <V, A> ProcessorSupplier<String, V, String, WindowResult<A>> supplier(
      WindowSpec window,
      Serde<A> aggregates,
      A empty,
      BiFunction<A, V, A> add,
      BiFunction<V, Lateness, LateRecord> describe,
      IotMetrics metrics) {
    Set<StoreBuilder<?>> stores =
        Set.of(
            IotStores.openWindows(window.openWindowsStore(), aggregates),
            IotStores.lastClose(window.lastCloseStore()));
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, V, String, WindowResult<A>> get() {
        return new FinalWindow<>(window, empty, add, describe, metrics);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return stores;
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, WindowResult<A>> context) {
    this.context = context;
    open = context.getStateStore(window.openWindowsStore());
    lastClose = context.getStateStore(window.lastCloseStore());
    StreamTime stored = lastClose.get(LAST_CLOSE);
    streamTime = stored == null ? NO_TIME : stored.millis();
  }

  @Override
  public void process(Record<String, V> record) {
    long time = record.timestamp();
    long start = time - Math.floorMod(time, size);
    if (start + size <= closedUpTo(streamTime)) {
      sendLate(record, start);
      return;
    }
    if (time > streamTime) {
      long closedBefore = closedUpTo(streamTime);
      streamTime = time;
      if (closedUpTo(streamTime) > closedBefore) {
        emitClosed(closedUpTo(streamTime));
        lastClose.put(LAST_CLOSE, new StreamTime(streamTime));
      }
    }
    Bytes key = key(start, record.key());
    A aggregate = open.get(key);
    open.put(key, add.apply(aggregate == null ? empty : aggregate, record.value()));
  }

  /**
   * The end of the newest window closed at stream time {@code time}; windows end on multiples of
   * the size.
   */
  private long closedUpTo(long time) {
    return time == NO_TIME ? NO_TIME : Math.floorDiv(time - grace, size) * size;
  }

  /**
   * Emits and forgets the windows ending at or before {@code end}. The scan starts where the last
   * one ended, past the deleted windows; the first after a start scans from the oldest, so that a
   * window whose deletion a crash under at-least-once lost is emitted again rather than kept
   * forever.
   */
  private void emitClosed(long end) {
    List<KeyValue<Bytes, A>> closed = new ArrayList<>();
    try (KeyValueIterator<Bytes, A> windows =
        open.range(emittedUpTo == NO_TIME ? null : key(emittedUpTo, ""), lastKey(end - size))) {
      windows.forEachRemaining(closed::add);
    }
    for (KeyValue<Bytes, A> closing : closed) {
      open.delete(closing.key);
      ByteBuffer key = ByteBuffer.wrap(closing.key.get());
      long start = key.getLong() ^ Long.MIN_VALUE;
      String id = UTF_8.decode(key).toString();
      context.forward(
          new Record<>(
              id,
              new Closed<>(
                  Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + size), closing.value),
              start));
    }
    emittedUpTo = end;
  }

  private void sendLate(Record<String, V> record, long start) {
    metrics.lateRecord(window.name());
    Lateness lateness =
        new Lateness(
            window.name(),
            Instant.ofEpochMilli(record.timestamp()),
            Instant.ofEpochMilli(start),
            Instant.ofEpochMilli(start + size),
            Instant.ofEpochMilli(streamTime),
            window.grace());
    LateRecord late = describe.apply(record.value(), lateness);
    context.forward(record.withKey(late.deviceId()).withValue(new Late<>(late)));
  }

  /**
   * A window's key: its start as eight bytes, big-endian with the sign bit flipped so that byte
   * order is time order, then the record key in UTF-8.
   */
  private static Bytes key(long start, String id) {
    byte[] idBytes = id.getBytes(UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(Long.BYTES + idBytes.length)
            .putLong(start ^ Long.MIN_VALUE)
            .put(idBytes)
            .array());
  }

  /** After the key of every window starting at {@code start}: no UTF-8 byte is 0xFF. */
  private static Bytes lastKey(long start) {
    return Bytes.wrap(
        ByteBuffer.allocate(Long.BYTES + 1)
            .putLong(start ^ Long.MIN_VALUE)
            .put((byte) 0xFF)
            .array());
  }
}
