package dev.vigil.common.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class MemoizedSerdeTest {

  private final AtomicInteger parsed = new AtomicInteger();

  private final Serde<String> counting =
      Serdes.serdeFrom(
          Serdes.String().serializer(),
          (topic, data) -> {
            parsed.incrementAndGet();
            return new String(data, StandardCharsets.UTF_8);
          });

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldParseEqualBytesOnceAndGiveTheSameValue() {
    Deserializer<String> deserializer = new MemoizedSerde<>(counting, 10).deserializer();

    String first = deserializer.deserialize("products", bytes("{\"id\":\"p-1\"}"));
    String again = deserializer.deserialize("products", bytes("{\"id\":\"p-1\"}"));

    assertThat(again).isSameAs(first);
    assertThat(parsed).hasValue(1);
  }

  @Test
  void shouldParseChangedBytesAfresh() {
    Deserializer<String> deserializer = new MemoizedSerde<>(counting, 10).deserializer();

    deserializer.deserialize("products", bytes("{\"price\":10}"));
    String changed = deserializer.deserialize("products", bytes("{\"price\":12}"));

    assertThat(changed).isEqualTo("{\"price\":12}");
    assertThat(parsed).hasValue(2);
  }

  @Test
  void shouldForgetTheLeastRecentlyReadBeyondItsCapacity() {
    Deserializer<String> deserializer = new MemoizedSerde<>(counting, 2).deserializer();

    deserializer.deserialize("t", bytes("a"));
    deserializer.deserialize("t", bytes("b"));
    deserializer.deserialize("t", bytes("a"));
    deserializer.deserialize("t", bytes("c"));
    deserializer.deserialize("t", bytes("a"));
    deserializer.deserialize("t", bytes("b"));

    assertThat(parsed).hasValue(4);
  }

  @Test
  void shouldPassNullThrough() {
    assertThat(new MemoizedSerde<>(counting, 2).deserializer().deserialize("t", null)).isNull();
    assertThat(parsed).hasValue(0);
  }
}
