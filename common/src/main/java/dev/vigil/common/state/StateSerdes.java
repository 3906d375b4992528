package dev.vigil.common.state;

import dev.vigil.common.json.JsonSerdes;
import java.util.List;
import org.apache.fory.Fory;
import org.apache.fory.ThreadSafeFory;
import org.apache.fory.config.CompatibleMode;
import org.apache.fory.config.Language;
import org.apache.fory.logging.LoggerFactory;
import org.apache.fory.memory.MemoryBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes for what a service keeps for itself: state-store values, their changelogs and repartition
 * topics. Topics other programs read stay JSON, as documented ({@link JsonSerdes}).
 *
 * <p>Every value starts with a format byte. Format {@value #FORY} is Apache Fory's binary encoding
 * in compatible mode: each value carries its fields' names, so a release that adds or removes a
 * field still reads what an earlier one wrote, at the price of some bytes per value. A value that
 * starts with <code>{</code> is JSON of the same type, as Vigil wrote its internal topics before
 * format {@value #FORY}: records still in flight in a repartition topic, or in the changelog of a
 * store whose values kept their type, are read across the upgrade.
 *
 * <p>Fory writes nothing but the types it was told of, each by a name that is part of the format:
 * rename or move a stored type and give it its old name, or earlier state becomes unreadable. The
 * golden-bytes tests of each service hold the names to what was released.
 */
public final class StateSerdes {

  /** The format byte of Fory's compatible encoding. */
  public static final byte FORY = 1;

  private static final byte JSON = '{';
  private static final String NAMESPACE = "vigil";

  static {
    // Through the service's own logging, whose levels say that Fory logs warnings only.
    LoggerFactory.useSlf4jLogging(true);
  }

  private StateSerdes() {}

  /**
   * A serde for {@code type}, which may hold values of {@code related} types (records, enums) that
   * Fory must be told of too; JDK types (strings, numbers, instants, lists, maps) need no mention.
   */
  public static <T> Serde<T> binary(Class<T> type, Class<?>... related) {
    Serde<T> json = JsonSerdes.serdeFor(type);
    // One Fory writes and another reads: a Fory 1.6.0 that has read an enum held in a field whose
    // type is a type parameter (a vitals Measurement<Consciousness>) then describes that enum, in
    // what it writes, as java.lang.Enum, which no reader accepts; a restarted service could not
    // read back the state it wrote after restoring.
    return Serdes.serdeFrom(
        new Writer<>(fory(type, related)),
        new Reader<>(type, fory(type, related), json.deserializer()));
  }

  private static ThreadSafeFory fory(Class<?> type, Class<?>... related) {
    ThreadSafeFory fory =
        Fory.builder()
            .withLanguage(Language.JAVA)
            .withCompatibleMode(CompatibleMode.COMPATIBLE)
            // Only the types named here are ever created from the bytes: a repartition topic is
            // input from the broker like any other.
            .requireClassRegistration(true)
            .withRefTracking(false)
            // A type it was not told of is an error, not a placeholder object.
            .withDeserializeUnknownClass(false)
            // The first values are written by the interpreter while the serializers compile.
            .withAsyncCompilation(true)
            .buildThreadSafeFory();
    fory.register(type, NAMESPACE, type.getSimpleName());
    for (Class<?> other : List.of(related)) {
      fory.register(other, NAMESPACE, other.getSimpleName());
    }
    return fory;
  }

  private static final class Writer<T> implements Serializer<T> {

    private final ThreadSafeFory fory;

    /** Each stream thread writes into a buffer of its own, which grows to its largest value. */
    private final ThreadLocal<MemoryBuffer> buffers =
        ThreadLocal.withInitial(() -> MemoryBuffer.newHeapBuffer(256));

    Writer(ThreadSafeFory fory) {
      this.fory = fory;
    }

    @Override
    public byte[] serialize(String topic, T value) {
      if (value == null) {
        return null;
      }
      MemoryBuffer buffer = buffers.get();
      buffer.writerIndex(0);
      buffer.writeByte(FORY);
      fory.serialize(buffer, value);
      return buffer.getBytes(0, buffer.writerIndex());
    }
  }

  private record Reader<T>(Class<T> type, ThreadSafeFory fory, Deserializer<T> json)
      implements Deserializer<T> {

    @Override
    public T deserialize(String topic, byte[] bytes) {
      if (bytes == null) {
        return null;
      }
      if (bytes.length == 0) {
        throw new SerializationException("An empty value is no " + type.getSimpleName());
      }
      return switch (bytes[0]) {
        case FORY -> fromFory(bytes);
        case JSON -> json.deserialize(topic, bytes);
        default ->
            throw new SerializationException(
                "Unknown state format " + bytes[0] + " for " + type.getSimpleName());
      };
    }

    private T fromFory(byte[] bytes) {
      Object value;
      try {
        value = fory.deserialize(MemoryBuffer.fromByteArray(bytes, 1, bytes.length - 1));
      } catch (RuntimeException e) {
        throw new SerializationException("Unreadable " + type.getSimpleName(), e);
      }
      if (!type.isInstance(value)) {
        throw new SerializationException(
            "Expected a " + type.getSimpleName() + ", read a " + value.getClass().getSimpleName());
      }
      return type.cast(value);
    }
  }
}
