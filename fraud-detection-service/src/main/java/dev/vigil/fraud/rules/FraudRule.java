package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import java.util.Map;
import java.util.Optional;

/**
 * One fraud rule: a pure function of a payment, what is known about its card and account, and the
 * rule's current parameters. Rules never touch state; the scorer keeps it.
 */
public interface FraudRule {

  /** The key of this rule's setting on {@code fraud.rules}, and the name it fires under. */
  String id();

  /** Parameters and values used when neither configuration nor a runtime setting gives one. */
  Map<String, Object> defaults();

  Optional<RuleHit> evaluate(PaymentContext payment, RuleParameters parameters);

  /**
   * How much of the card's history {@link #evaluate} looks at for this payment: a rule that reads
   * {@link PaymentContext#cardHistory()} says so here, since nothing else is read for it.
   */
  default HistoryNeed historyNeed(Transaction payment, RuleParameters parameters) {
    return HistoryNeed.NONE;
  }
}
