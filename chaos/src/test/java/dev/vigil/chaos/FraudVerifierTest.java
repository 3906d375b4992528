package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FraudVerifierTest {

  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

  private final FraudVerifier verifier = new FraudVerifier();

  private static SentRecord payment(String transactionId, String card) {
    String json =
        "{\"transactionId\":\"%s\",\"cardId\":\"%s\",\"amount\":10.0}"
            .formatted(transactionId, card);
    return new SentRecord(
        new InputRecord(
            FraudVerifier.TRANSACTIONS, card, json.getBytes(StandardCharsets.UTF_8), NINE),
        0);
  }

  private static OutputRecord decision(String transactionId, String card, long offset) {
    return new OutputRecord(
        FraudVerifier.DECISIONS,
        transactionId,
        "{\"transactionId\":\"%s\",\"cardId\":\"%s\",\"decision\":\"APPROVE\"}"
            .formatted(transactionId, card),
        0,
        offset);
  }

  private Verification verify(List<SentRecord> input, OutputRecord... decisions) {
    return verifier.verify(input, Map.of(FraudVerifier.DECISIONS, List.of(decisions)));
  }

  @Test
  void shouldPassWithExactlyOneDecisionPerPayment() {
    Verification result =
        verify(
            List.of(payment("tx-1", "card-1"), payment("tx-2", "card-2")),
            decision("tx-1", "card-1", 0),
            decision("tx-2", "card-2", 1));

    assertThat(result.passed()).isTrue();
    assertThat(result.expected()).isEqualTo(2);
    assertThat(result.outputs()).isEqualTo(2);
  }

  @Test
  void shouldCountAPaymentWithoutDecisionAsMissing() {
    Verification result =
        verify(
            List.of(payment("tx-1", "card-1"), payment("tx-2", "card-2")),
            decision("tx-1", "card-1", 0));

    assertThat(result.missing()).isEqualTo(1);
    assertThat(result.examples()).containsExactly("missing decision for tx-2");
  }

  @Test
  void shouldCountASecondDecisionAsDuplicate() {
    Verification result =
        verify(
            List.of(payment("tx-1", "card-1")),
            decision("tx-1", "card-1", 0),
            decision("tx-1", "card-1", 1));

    assertThat(result.duplicated()).isEqualTo(1);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void shouldCountADecisionForAnotherCardOrAnUnknownPaymentAsWrong() {
    Verification result =
        verify(
            List.of(payment("tx-1", "card-1")),
            decision("tx-1", "card-9", 0),
            decision("tx-7", "card-1", 1));

    assertThat(result.wrong()).isEqualTo(2);
  }
}
