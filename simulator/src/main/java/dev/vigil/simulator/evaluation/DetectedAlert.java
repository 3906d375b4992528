package dev.vigil.simulator.evaluation;

import java.time.Instant;
import java.util.Set;

/**
 * A service's alert as the evaluator sees it: which entity it is about, when it was raised, and its
 * kinds (the rules that fired, or the alert type).
 */
public record DetectedAlert(String entityId, Instant time, Set<String> kinds) {

  public DetectedAlert {
    kinds = Set.copyOf(kinds);
  }

  public static DetectedAlert of(String entityId, Instant time, String... kinds) {
    return new DetectedAlert(entityId, time, Set.of(kinds));
  }
}
