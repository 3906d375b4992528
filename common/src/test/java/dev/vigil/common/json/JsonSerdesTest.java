package dev.vigil.common.json;

import static dev.vigil.common.testing.TransactionBuilder.transaction;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.common.deadletter.OversizedRecordException;
import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.fraud.Transaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class JsonSerdesTest {

  private static final String TOPIC = "payments.transactions";

  /** A payment as any producer, a shell included, may write it. */
  private static final String PAYMENT =
      """
      {"transactionId":"tx-1","accountId":"acct-1","cardId":"card-1","amount":25.00,\
      "currency":"EUR","merchantId":"merchant-1","merchantCategoryCode":"5411","country":"NL",\
      "latitude":52.3676,"longitude":4.9041,"channel":"CARD_PRESENT",\
      "eventTime":"2026-03-02T09:00:00Z"}""";

  private final Serde<Transaction> serde = JsonSerdes.serdeFor(Transaction.class);

  @Test
  void shouldReadBackWhatItWrote() {
    Transaction payment = transaction().build();

    assertThat(read(write(payment))).isEqualTo(payment);
  }

  @Test
  void shouldWriteEventTimeAsIso8601() {
    String json = new String(write(transaction().build()), UTF_8);

    assertThat(json).contains("\"eventTime\":\"2026-03-02T09:00:00Z\"");
  }

  @Test
  void shouldReadAPlainJsonLine() {
    assertThat(read(PAYMENT)).isEqualTo(transaction().build());
  }

  @Test
  void shouldKeepTheAmountExactly() {
    Transaction payment = transaction().amount("1234567.8912345678901234567").build();

    Transaction roundTripped = read(write(payment));

    assertThat(roundTripped.amount()).isEqualTo(new BigDecimal("1234567.8912345678901234567"));
    assertThat(new String(write(payment), UTF_8))
        .contains("\"amount\":1234567.8912345678901234567");
  }

  @Test
  void shouldReadADecimalAmountWithoutBinaryRounding() {
    Transaction payment = read(PAYMENT.replace("\"amount\":25.00", "\"amount\":0.1"));

    assertThat(payment.amount()).isEqualTo(new BigDecimal("0.1"));
  }

  @Test
  void shouldIgnoreUnknownFields() {
    String newer = PAYMENT.replace("{", "{\"addedLater\":{\"nested\":[1,2,3]},");

    assertThat(read(newer)).isEqualTo(transaction().build());
  }

  @Test
  void shouldAddNoTypeHeaders() {
    RecordHeaders headers = new RecordHeaders();

    serde.serializer().serialize(TOPIC, headers, transaction().build());

    assertThat(headers.toArray()).isEmpty();
  }

  @Test
  void shouldIgnoreATypeHeaderFromTheProducer() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("__TypeId__", "java.lang.String".getBytes(UTF_8));

    Transaction payment = serde.deserializer().deserialize(TOPIC, headers, PAYMENT.getBytes(UTF_8));

    assertThat(payment).isEqualTo(transaction().build());
  }

  @Test
  void shouldReadATombstoneAsNull() {
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldRejectNaN() {
    String nan = PAYMENT.replace("\"latitude\":52.3676", "\"latitude\":NaN");

    assertThatThrownBy(() -> read(nan))
        .isInstanceOf(SerializationException.class)
        .hasStackTraceContaining("NaN")
        .satisfies(e -> assertThat(causes(e)).noneMatch(InvalidEventException.class::isInstance));
  }

  @Test
  void shouldRejectTrailingGarbage() {
    assertThatThrownBy(() -> read(PAYMENT + " {}")).isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldRejectAnOversizedRecordBeforeParsingIt() {
    byte[] notEvenJson = new byte[JsonSerdes.MAX_EVENT_BYTES + 1];
    Arrays.fill(notEvenJson, (byte) 'x');

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, notEvenJson))
        .isInstanceOf(OversizedRecordException.class)
        .hasMessageContaining(Integer.toString(JsonSerdes.MAX_EVENT_BYTES + 1));
  }

  @Test
  void shouldRejectAnOversizedRecordWithHeadersBeforeParsingIt() {
    byte[] notEvenJson = new byte[JsonSerdes.MAX_EVENT_BYTES + 1];
    Arrays.fill(notEvenJson, (byte) 'x');

    assertThatThrownBy(
            () -> serde.deserializer().deserialize(TOPIC, new RecordHeaders(), notEvenJson))
        .isInstanceOf(OversizedRecordException.class);
  }

  @Test
  void shouldAcceptARecordOfExactlyTheLimit() {
    String padded = PAYMENT + " ".repeat(JsonSerdes.MAX_EVENT_BYTES - PAYMENT.length());

    assertThat(read(padded)).isEqualTo(transaction().build());
  }

  @Test
  void shouldRejectAMissingRequiredFieldNamingIt() {
    String withoutChannel = PAYMENT.replace("\"channel\":\"CARD_PRESENT\",", "");

    assertThatThrownBy(() -> read(withoutChannel))
        .satisfies(
            e ->
                assertThat(causes(e))
                    .filteredOn(InvalidEventException.class::isInstance)
                    .singleElement()
                    .extracting(Throwable::getMessage)
                    .isEqualTo("channel is required"));
  }

  private byte[] write(Transaction payment) {
    return serde.serializer().serialize(TOPIC, payment);
  }

  private Transaction read(byte[] json) {
    return serde.deserializer().deserialize(TOPIC, json);
  }

  private Transaction read(String json) {
    return read(json.getBytes(UTF_8));
  }

  private static List<Throwable> causes(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }
}
