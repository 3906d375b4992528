package dev.vigil.recommendation;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.common.topic.Topic;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Where the topology's stores keep their data. Every deployment uses RocksDB; memory is for
 * replaying a long synthetic history in a TopologyTestDriver, which commits, and so flushes every
 * RocksDB store to disk, after each record.
 */
public enum Storage {
  PERSISTENT,
  IN_MEMORY;

  public KeyValueBytesStoreSupplier keyValue(String name) {
    return this == PERSISTENT
        ? Stores.persistentKeyValueStore(name)
        : Stores.inMemoryKeyValueStore(name);
  }

  public WindowBytesStoreSupplier window(String name, Duration retention, Duration size) {
    return this == PERSISTENT
        ? Stores.persistentWindowStore(name, retention, size, false)
        : Stores.inMemoryWindowStore(name, retention, size, false);
  }

  /** The store of a {@link TimeIndex}. */
  public StoreBuilder<KeyValueStore<Bytes, byte[]>> timeIndex(String name) {
    return this == PERSISTENT
        ? TimeIndex.store(name)
        : Stores.keyValueStoreBuilder(keyValue(name), Serdes.Bytes(), Serdes.ByteArray());
  }

  /** A global table from a compacted topic, queryable and looked up by {@code storeName}. */
  public <V> void globalTable(StreamsBuilder builder, Topic<String, V> topic, String storeName) {
    if (this == PERSISTENT) {
      ReferenceData.global(builder, topic, storeName);
    } else {
      builder.globalTable(
          topic.name(),
          topic.consumed().withName(storeName + "-source"),
          Materialized.<String, V>as(keyValue(storeName))
              .withKeySerde(topic.keySerde())
              .withValueSerde(topic.valueSerde()));
    }
  }
}
