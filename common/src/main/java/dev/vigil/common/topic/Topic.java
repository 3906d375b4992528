package dev.vigil.common.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka topic as a value: its name, how its keys and values are (de)serialized, and whether it is
 * compacted (reference data keyed by entity id) or a plain event log.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /** An event log keyed by a string id. */
  public static <V> Topic<String, V> events(String name, Serde<V> valueSerde) {
    return new Topic<>(name, Serdes.String(), valueSerde, false);
  }

  /** Latest-value-per-key reference data, kept forever by log compaction. */
  public static <V> Topic<String, V> table(String name, Serde<V> valueSerde) {
    return new Topic<>(name, Serdes.String(), valueSerde, true);
  }

  /** Raw bytes, for topics such as a dead-letter topic whose records keep their original bytes. */
  public static Topic<byte[], byte[]> bytes(String name) {
    return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray(), false);
  }

  public Consumed<K, V> consumed() {
    return Consumed.with(keySerde, valueSerde);
  }

  public Produced<K, V> produced() {
    return Produced.with(keySerde, valueSerde);
  }
}
