package dev.vigil.common.fraud;

import java.time.Instant;
import java.util.List;

/**
 * A suspicious payment, keyed by account id on {@code fraud.alerts}: the rules that fired with
 * their evidence, the payment itself and the account it belongs to ({@code null} when unknown).
 */
public record FraudAlert(
    String transactionId,
    String accountId,
    String cardId,
    Verdict decision,
    int riskScore,
    List<RuleHit> rules,
    Transaction transaction,
    Account account,
    Instant eventTime) {

  public FraudAlert {
    rules = List.copyOf(rules);
  }
}
