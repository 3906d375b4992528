package dev.vigil.common.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.json.JsonSerdes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

  private static final String VALID =
      """
      {"transactionId":"tx-1","accountId":"acct-1","cardId":"card-1","amount":25.00,\
      "currency":"EUR","merchantId":"merchant-1","merchantCategoryCode":"5411","country":"NL",\
      "channel":"ONLINE","eventTime":"2026-03-02T09:00:00Z"}""";

  private final Deserializer<Transaction> deserializer =
      JsonSerdes.serdeFor(Transaction.class).deserializer();

  @Test
  void shouldClassifyAnOversizedRecord() {
    Throwable error = failureReading(VALID + " ".repeat(JsonSerdes.MAX_EVENT_BYTES));

    assertThat(DeadLetterReason.ofDeserializationFailure(error))
        .isEqualTo(DeadLetterReason.OVERSIZED);
  }

  @Test
  void shouldClassifyARuleBrokenDeepInTheCauseChainAsValidation() {
    Throwable error = failureReading(VALID.replace("\"amount\":25.00", "\"amount\":-5"));

    assertThat(DeadLetterReason.ofDeserializationFailure(error))
        .isEqualTo(DeadLetterReason.VALIDATION);
  }

  @Test
  void shouldClassifyAValidationFailureWrappedByAnyLayer() {
    Throwable error =
        new SerializationException(
            "wrapped", new IllegalStateException(new InvalidEventException("x is required")));

    assertThat(DeadLetterReason.ofDeserializationFailure(error))
        .isEqualTo(DeadLetterReason.VALIDATION);
  }

  @Test
  void shouldClassifyTextThatIsNotJsonAsDeserialization() {
    Throwable error = failureReading("not json");

    assertThat(DeadLetterReason.ofDeserializationFailure(error))
        .isEqualTo(DeadLetterReason.DESERIALIZATION);
  }

  @Test
  void shouldClassifyNaNAsDeserialization() {
    Throwable error = failureReading(VALID.replace("\"amount\":25.00", "\"amount\":NaN"));

    assertThat(DeadLetterReason.ofDeserializationFailure(error))
        .isEqualTo(DeadLetterReason.DESERIALIZATION);
  }

  @Test
  void shouldClassifyAnyOtherErrorAsDeserialization() {
    assertThat(DeadLetterReason.ofDeserializationFailure(new IllegalStateException("boom")))
        .isEqualTo(DeadLetterReason.DESERIALIZATION);
  }

  @Test
  void shouldTagEachReasonInLowerCase() {
    assertThat(DeadLetterReason.values())
        .extracting(DeadLetterReason::tag)
        .containsExactly("deserialization", "validation", "oversized", "processing", "production");
  }

  private Throwable failureReading(String value) {
    Throwable error = catchThrowable(() -> deserializer.deserialize("t", value.getBytes(UTF_8)));
    assertThat(error).isNotNull();
    return error;
  }
}
