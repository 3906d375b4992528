package dev.vigil.common.enrich;

import dev.vigil.common.topic.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reference data (accounts, patients, products, devices) read from a compacted topic into a named,
 * queryable store, and looked up by key from processors.
 *
 * <p>A global table puts all of it on every instance: right when the data is modest and is looked
 * up by a key other than the stream's, since it needs no repartition. A table is partitioned like
 * its topic: right when the data is large and the stream is keyed the same way. Both are kept in
 * RocksDB, even when small: Prometheus rejects store metrics whose tag keys differ, and in-memory
 * stores are tagged differently. Each store keeps its most recently read values parsed.
 */
public final class ReferenceData {

  /** Distinct values each store keeps parsed, for the lookups that read the same ones again. */
  static final int PARSED_VALUES = 4096;

  private ReferenceData() {}

  public static <V> GlobalKTable<String, V> global(
      StreamsBuilder builder, Topic<String, V> topic, String storeName) {
    return builder.globalTable(
        topic.name(),
        memoized(topic).withName(storeName + "-source"),
        Materialized.as(Stores.persistentKeyValueStore(storeName)));
  }

  public static <V> KTable<String, V> table(
      StreamsBuilder builder, Topic<String, V> topic, String storeName) {
    return builder.table(
        topic.name(),
        memoized(topic).withName(storeName + "-source"),
        Materialized.as(Stores.persistentKeyValueStore(storeName)));
  }

  /**
   * The topic's serdes with its values kept parsed. They must be the {@code Consumed}'s: the DSL
   * gives a table's store the serdes of its {@code Consumed}, whatever its {@code Materialized}
   * says.
   */
  private static <V> Consumed<String, V> memoized(Topic<String, V> topic) {
    return Consumed.with(topic.keySerde(), new MemoizedSerde<>(topic.valueSerde(), PARSED_VALUES));
  }

  /**
   * A lookup into a reference store from a processor: the current value for a key, or {@code null}.
   * For a table (not global), the processor must be connected to the store.
   */
  public static <V> Lookup<V> lookup(ProcessingContext context, String storeName) {
    TimestampedKeyValueStore<String, V> store = context.getStateStore(storeName);
    return key -> ValueAndTimestamp.getValueOrNull(store.get(key));
  }

  /** The current value of a key in a reference store. */
  @FunctionalInterface
  public interface Lookup<V> {
    V get(String key);
  }
}
