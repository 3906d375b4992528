package dev.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterFormatTest {

  private static final Instant NOON = Instant.parse("2025-03-14T12:00:00Z");

  @Test
  void shouldSayWhyAndWhereFromTheHeaders() {
    Map<String, byte[]> headers =
        Map.of(
            DeadLetters.REASON, bytes("deserialization"),
            DeadLetters.SOURCE_TOPIC, bytes("payments.transactions"),
            DeadLetters.SOURCE_PARTITION, bytes("2"),
            DeadLetters.SOURCE_OFFSET, bytes("17"),
            DeadLetters.ERROR_MESSAGE,
                bytes(
                    "Can't deserialize data  from topic [payments.transactions]: "
                        + "Unrecognized token 'oops'\n at [Source: REDACTED; byte offset: #0]"));

    assertThat(DeadLetterFormat.format(NOON, headers).render("fraud", ZoneOffset.UTC))
        .isEqualTo(
            "12:00:00  fraud  DLQ      deserialization of payments.transactions p2@17: "
                + "Unrecognized token 'oops'");
  }

  @Test
  void shouldShortenALongMessageToFitALine() {
    assertThat(DeadLetterFormat.essence("x".repeat(500))).hasSize(160).endsWith("...");
  }

  @Test
  void shouldKeepAMessageWithoutThePreambleAsItIs() {
    assertThat(DeadLetterFormat.essence("amount must be above 0"))
        .isEqualTo("amount must be above 0");
  }

  @Test
  void shouldCopeWithoutHeaders() {
    assertThat(DeadLetterFormat.format(NOON, Map.of()).facts())
        .isEqualTo("unknown reason of ? p?@?");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
