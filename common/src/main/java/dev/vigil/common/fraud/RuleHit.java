package dev.vigil.common.fraud;

import java.util.Map;

/**
 * A rule that fired on a payment: its id, the risk it adds (0–100), a sentence a person can read,
 * and the figures it found.
 */
public record RuleHit(String ruleId, int score, String reason, Map<String, Object> evidence) {

  public RuleHit {
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
  }
}
