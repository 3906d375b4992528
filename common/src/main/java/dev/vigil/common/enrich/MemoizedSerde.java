package dev.vigil.common.enrich;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde whose deserializer remembers the values of the byte contents it read most recently, so
 * that reference data looked up for every record is parsed once per change rather than once per
 * lookup: a store lookup still reads the bytes, but equal bytes give the value parsed before.
 * Profiling showed catalogue and rule lookups parsing the same few JSON values thousands of times a
 * second. The values must be immutable, since every reader gets the same instance: the suite's
 * reference records copy their collections.
 */
final class MemoizedSerde<T> implements Serde<T> {

  private final Serde<T> serde;
  private final Map<ByteBuffer, T> recent;

  /**
   * @param capacity how many distinct values are remembered, the least recently read forgotten
   *     first
   */
  MemoizedSerde(Serde<T> serde, int capacity) {
    this.serde = serde;
    this.recent =
        Collections.synchronizedMap(
            new LinkedHashMap<>(capacity, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<ByteBuffer, T> eldest) {
                return size() > capacity;
              }
            });
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serde.configure(configs, isKey);
  }

  @Override
  public void close() {
    serde.close();
  }

  @Override
  public Serializer<T> serializer() {
    return serde.serializer();
  }

  @Override
  public Deserializer<T> deserializer() {
    Deserializer<T> parser = serde.deserializer();
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      // The store hands each reader a fresh copy of the bytes, which nobody changes afterwards.
      ByteBuffer key = ByteBuffer.wrap(data);
      T value = recent.get(key);
      if (value == null) {
        value = parser.deserialize(topic, data);
        recent.put(key, value);
      }
      return value;
    };
  }
}
