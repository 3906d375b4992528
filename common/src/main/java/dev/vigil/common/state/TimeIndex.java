package dev.vigil.common.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Entities ordered by a time of theirs (a deadline, a last activity), so that what is due is read
 * by a range scan from the oldest entry and nothing else is: the way to expire state without a full
 * scan of a key-value store on the stream thread.
 *
 * <p>An entry's key is its time as eight bytes, big-endian with the sign bit flipped so that byte
 * order is time order (RocksDB and the in-memory store both compare keys bytewise), followed by the
 * entity's id in UTF-8. Its value is empty.
 */
public final class TimeIndex {

  private static final byte[] NOTHING = new byte[0];
  private static final int TIME_BYTES = Long.BYTES;

  private final KeyValueStore<Bytes, byte[]> store;

  private TimeIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** The index over a store built by {@link #store(String)}. */
  public static TimeIndex over(KeyValueStore<Bytes, byte[]> store) {
    return new TimeIndex(store);
  }

  /** A persistent store for an index. */
  public static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
  }

  public void add(long time, String id) {
    store.put(key(time, id), NOTHING);
  }

  public void remove(long time, String id) {
    store.delete(key(time, id));
  }

  /** Moves an entity from one time to another; nothing is written when they are the same. */
  public void move(long from, long to, String id) {
    if (from != to) {
      remove(from, id);
      add(to, id);
    }
  }

  /**
   * Removes and returns the entries of time {@code upTo} or before, oldest first, at most {@code
   * max} of them, so that one call's work is bounded however much is due.
   */
  public List<Entry> takeDue(long upTo, int max) {
    List<Entry> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> entries = store.range(null, key(upTo, null))) {
      while (entries.hasNext() && due.size() < max) {
        KeyValue<Bytes, byte[]> entry = entries.next();
        due.add(entryOf(entry.key.get()));
      }
    }
    for (Entry entry : due) {
      remove(entry.time(), entry.id());
    }
    return due;
  }

  /**
   * The key of an entry; without an id, the last possible key of its time, which ends a range of
   * everything up to and including that time.
   */
  static Bytes key(long time, String id) {
    byte[] idBytes = id == null ? NOTHING : id.getBytes(StandardCharsets.UTF_8);
    ByteBuffer key = ByteBuffer.allocate(TIME_BYTES + (id == null ? 1 : idBytes.length));
    key.putLong(time ^ Long.MIN_VALUE);
    if (id == null) {
      // Above every UTF-8 byte that can start an id.
      key.put((byte) 0xFF);
    } else {
      key.put(idBytes);
    }
    return Bytes.wrap(key.array());
  }

  private static Entry entryOf(byte[] key) {
    long time = ByteBuffer.wrap(key, 0, TIME_BYTES).getLong() ^ Long.MIN_VALUE;
    return new Entry(
        time, new String(key, TIME_BYTES, key.length - TIME_BYTES, StandardCharsets.UTF_8));
  }

  /** An entity and its time in the index. */
  public record Entry(long time, String id) {}
}
