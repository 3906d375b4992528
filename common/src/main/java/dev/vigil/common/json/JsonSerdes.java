package dev.vigil.common.json;

import dev.vigil.common.deadletter.OversizedRecordException;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one place that decides how Vigil's events look as JSON: ISO-8601 instants, unknown fields
 * ignored so that older services read newer producers' events, and no type headers so that any
 * producer (a shell, another language) can write a plain JSON line.
 */
public final class JsonSerdes {

  /** No Vigil event comes near this; anything larger is a broken or hostile producer. */
  public static final int MAX_EVENT_BYTES = 64 * 1024;

  /** Shared, immutable and thread-safe. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .addModule(
              new SimpleModule("vigil-utc-instants")
                  .addDeserializer(Instant.class, new UtcInstantDeserializer()))
          .build();

  private JsonSerdes() {}

  public static <T> Serde<T> serdeFor(Class<T> type) {
    JacksonJsonSerde<T> json =
        new JacksonJsonSerde<T>(type, MAPPER).noTypeInfo().ignoreTypeHeaders();
    return Serdes.serdeFrom(json.serializer(), new SizeLimited<>(json.deserializer()));
  }

  /** Rejects oversized records before parsing them, so they cost no allocation. */
  private record SizeLimited<T>(Deserializer<T> delegate) implements Deserializer<T> {

    @Override
    public T deserialize(String topic, byte[] data) {
      return deserialize(topic, null, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
      if (data != null && data.length > MAX_EVENT_BYTES) {
        throw new OversizedRecordException(data.length, MAX_EVENT_BYTES);
      }
      return headers == null
          ? delegate.deserialize(topic, data)
          : delegate.deserialize(topic, headers, data);
    }
  }
}
