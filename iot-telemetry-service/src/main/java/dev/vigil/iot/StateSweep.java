package dev.vigil.iot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Removes the entries of a key-value store that have expired; run from a punctuator. */
public final class StateSweep {

  private StateSweep() {}

  public static <V> void remove(KeyValueStore<String, V> store, Predicate<V> expired) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> entry = all.next();
        if (expired.test(entry.value)) {
          keys.add(entry.key);
        }
      }
    }
    keys.forEach(store::delete);
  }
}
