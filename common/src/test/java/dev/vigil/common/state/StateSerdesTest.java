package dev.vigil.common.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StateSerdesTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00.250Z");

  enum Kind {
    SMALL,
    LARGE
  }

  record Part(String name, Kind kind) {}

  record Whole(String id, long count, Double maybe, Instant at, List<Part> parts) {}

  record Other(String id) {}

  /** A value whose type is a type parameter, as a vitals measurement's is. */
  record Held<T>(T value) {}

  record Holder(Held<Kind> kind) {}

  private final Serde<Whole> serde = StateSerdes.binary(Whole.class, Part.class, Kind.class);

  private static Whole whole() {
    return new Whole(
        "w-1", 42, null, NOON, List.of(new Part("a", Kind.SMALL), new Part("b", Kind.LARGE)));
  }

  @Test
  void shouldReadWhatItWrote() {
    byte[] bytes = serde.serializer().serialize("t", whole());

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(whole());
  }

  @Test
  void shouldStartEveryValueWithTheFormatByte() {
    assertThat(serde.serializer().serialize("t", whole())[0]).isEqualTo(StateSerdes.FORY);
  }

  @Test
  void shouldBeSmallerThanJson() {
    byte[] binary = serde.serializer().serialize("t", whole());
    byte[] json =
        dev.vigil.common.json.JsonSerdes.serdeFor(Whole.class).serializer().serialize("t", whole());

    assertThat(binary.length).isLessThan(json.length);
  }

  @Test
  void shouldReadJsonOfTheSameTypeAsEarlierReleasesWroteIt() {
    String json =
        "{\"id\":\"w-1\",\"count\":42,\"at\":\"2026-03-02T12:00:00.250Z\","
            + "\"parts\":[{\"name\":\"a\",\"kind\":\"SMALL\"},{\"name\":\"b\",\"kind\":\"LARGE\"}]}";

    assertThat(serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(whole());
  }

  @Test
  void shouldPassNullThrough() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void shouldRefuseAnUnknownFormat() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {7, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown state format 7");
  }

  @Test
  void shouldRefuseAValueOfAnotherType() {
    byte[] other = StateSerdes.binary(Other.class).serializer().serialize("t", new Other("o"));

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", other))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldRefuseAnEmptyValue() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[0]))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldWriteWhatAFreshReaderReadsAfterReadingAnEnumOfAGenericField() {
    Holder holder = new Holder(new Held<>(Kind.LARGE));
    byte[] earlier =
        StateSerdes.binary(Holder.class, Held.class, Kind.class)
            .serializer()
            .serialize("t", holder);
    Serde<Holder> restarted = StateSerdes.binary(Holder.class, Held.class, Kind.class);

    byte[] rewritten =
        restarted.serializer().serialize("t", restarted.deserializer().deserialize("t", earlier));

    assertThat(
            StateSerdes.binary(Holder.class, Held.class, Kind.class)
                .deserializer()
                .deserialize("t", rewritten))
        .isEqualTo(holder);
  }
}
