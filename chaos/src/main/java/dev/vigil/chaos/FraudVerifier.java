package dev.vigil.chaos;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Fraud: exactly one decision per payment. Every transaction id sent must have one decision on
 * {@code payments.decisions}, keyed by that id, for the same card; a second one is a duplicate and
 * a decision for a payment never sent is wrong.
 */
final class FraudVerifier implements Verifier {

  static final String TRANSACTIONS = "payments.transactions";
  static final String DECISIONS = "payments.decisions";

  @Override
  public List<String> outputTopics() {
    return List.of(DECISIONS);
  }

  @Override
  public Verification verify(List<SentRecord> input, Map<String, List<OutputRecord>> outputs) {
    Map<String, String> cardByTransaction = new LinkedHashMap<>();
    for (SentRecord sent : input) {
      if (sent.record().topic().equals(TRANSACTIONS)) {
        JsonNode payment = Json.parse(sent.record().value());
        cardByTransaction.put(
            payment.path("transactionId").asString(), payment.path("cardId").asString());
      }
    }
    Map<String, Integer> decisions = new HashMap<>();
    Verification.Tally tally = new Verification.Tally();
    tally.expected(cardByTransaction.size());
    List<OutputRecord> decided = outputs.getOrDefault(DECISIONS, List.of());
    tally.outputs(decided.size());
    for (OutputRecord output : decided) {
      JsonNode decision = Json.parse(output.value());
      String transactionId = decision.path("transactionId").asString();
      String card = cardByTransaction.get(transactionId);
      if (card == null || !transactionId.equals(output.key())) {
        tally.wrong("decision for unknown payment " + output.value());
      } else if (!card.equals(decision.path("cardId").asString())) {
        tally.wrong("decision " + output.value() + " for a payment of card " + card);
      }
      decisions.merge(transactionId, 1, Integer::sum);
    }
    cardByTransaction.forEach(
        (transactionId, card) -> {
          int count = decisions.getOrDefault(transactionId, 0);
          if (count == 0) {
            tally.missing("decision for " + transactionId);
          } else if (count > 1) {
            tally.duplicated(count - 1, count + " decisions for " + transactionId);
          }
        });
    return tally.result();
  }
}
