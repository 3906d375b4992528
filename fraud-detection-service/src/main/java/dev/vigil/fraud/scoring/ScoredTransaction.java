package dev.vigil.fraud.scoring;

import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.Decision;
import dev.vigil.common.fraud.FraudAlert;
import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.fraud.Verdict;
import java.util.List;

/** A payment with its verdict and what led to it; both outputs are views of it. */
public record ScoredTransaction(
    Transaction transaction, Account account, List<RuleHit> hits, int riskScore, Verdict verdict) {

  public ScoredTransaction {
    hits = List.copyOf(hits);
  }

  public boolean suspicious() {
    return !hits.isEmpty();
  }

  public Decision decision() {
    return new Decision(
        transaction.transactionId(),
        transaction.accountId(),
        transaction.cardId(),
        verdict,
        riskScore,
        hits.stream().map(RuleHit::ruleId).toList(),
        transaction.eventTime());
  }

  public FraudAlert alert() {
    return new FraudAlert(
        transaction.transactionId(),
        transaction.accountId(),
        transaction.cardId(),
        verdict,
        riskScore,
        hits,
        transaction,
        account,
        transaction.eventTime());
  }

  public RecentAlerts.Summary summary() {
    return new RecentAlerts.Summary(
        transaction.transactionId(),
        transaction.cardId(),
        transaction.amount(),
        transaction.currency(),
        verdict,
        riskScore,
        hits.stream().map(RuleHit::ruleId).toList(),
        transaction.eventTime());
  }
}
