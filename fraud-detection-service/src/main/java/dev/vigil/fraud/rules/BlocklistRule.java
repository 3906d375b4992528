package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A payment to a merchant, or in a country, on the bank's blocklist ({@code merchants}, {@code
 * countries}).
 */
public final class BlocklistRule implements FraudRule {

  public static final String ID = "blocklist";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Map<String, Object> defaults() {
    return Map.of("merchants", List.of(), "countries", List.of(), RuleParameters.SCORE, 100);
  }

  @Override
  public Optional<RuleHit> evaluate(PaymentContext payment, RuleParameters parameters) {
    Transaction t = payment.transaction();
    if (parameters.strings("merchants").contains(t.merchantId())) {
      return Optional.of(
          hit(
              parameters,
              "merchant " + t.merchantId() + " is blocklisted",
              "merchant",
              t.merchantId()));
    }
    if (parameters.strings("countries").contains(t.country())) {
      return Optional.of(
          hit(parameters, "country " + t.country() + " is blocklisted", "country", t.country()));
    }
    return Optional.empty();
  }

  private static RuleHit hit(RuleParameters parameters, String reason, String field, String value) {
    return new RuleHit(ID, parameters.score(), reason, Map.of(field, value));
  }
}
