package dev.vigil.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordPrinterTest {

  private static final Instant NOON = Instant.parse("2025-03-14T12:00:00Z");

  @Test
  void shouldIndentJson() {
    assertThat(RecordPrinter.value(bytes("{\"a\":1,\"b\":[2]}")))
        .isEqualTo(
            String.join(System.lineSeparator(), "{", "  \"a\" : 1,", "  \"b\" : [ 2 ]", "}"));
  }

  @Test
  void shouldShowAValueThatIsNotJsonAsItIs() {
    assertThat(RecordPrinter.value(bytes("{oops"))).isEqualTo("{oops");
  }

  @Test
  void shouldNameATombstone() {
    assertThat(RecordPrinter.value(null)).isEqualTo("(no value: a tombstone)");
  }

  @Test
  void shouldStartWithWhereTheRecordIsAndItsKey() {
    String text = new RecordPrinter(false).format(record("c-1", "x", new RecordHeaders()));

    assertThat(text)
        .isEqualTo(
            "--- payments.transactions  partition 2  offset 17  key c-1  2025-03-14T12:00:00Z"
                + System.lineSeparator()
                + "x");
  }

  @Test
  void shouldShowHeadersWhenAsked() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("vigil.error.reason", bytes("deserialization"));

    assertThat(new RecordPrinter(true).format(record(null, "x", headers)))
        .contains("key (none)")
        .contains(
            System.lineSeparator()
                + "    vigil.error.reason: deserialization"
                + System.lineSeparator());
    assertThat(new RecordPrinter(false).format(record(null, "x", headers)))
        .doesNotContain("vigil.error.reason");
  }

  private static ConsumerRecord<byte[], byte[]> record(
      String key, String value, RecordHeaders headers) {
    return new ConsumerRecord<>(
        "payments.transactions",
        2,
        17,
        NOON.toEpochMilli(),
        TimestampType.CREATE_TIME,
        -1,
        -1,
        key == null ? null : bytes(key),
        bytes(value),
        headers,
        Optional.empty());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
