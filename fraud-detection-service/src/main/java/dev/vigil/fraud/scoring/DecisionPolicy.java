package dev.vigil.fraud.scoring;

import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Verdict;
import java.util.List;

/**
 * Combines the rules that fired into one risk score and a verdict. Scores combine like independent
 * probabilities (1 - Π(1 - s)), so two moderate signals outweigh either alone but no pile of weak
 * ones exceeds 100.
 */
public record DecisionPolicy(int reviewScore, int declineScore) {

  public int riskScore(List<RuleHit> hits) {
    double clean = 1;
    for (RuleHit hit : hits) {
      clean *= 1 - hit.score() / 100.0;
    }
    return (int) Math.round(100 * (1 - clean));
  }

  public Verdict verdict(int riskScore) {
    if (riskScore >= declineScore) {
      return Verdict.DECLINE;
    }
    return riskScore >= reviewScore ? Verdict.REVIEW : Verdict.APPROVE;
  }
}
