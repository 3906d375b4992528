package dev.vigil.recommendation.affinity;

import java.time.Duration;
import java.time.Instant;

/** Exponential decay in event time: a weight halves with every half-life that passes. */
public final class Decay {

  private Decay() {}

  /** What a weight from {@code from} is worth at {@code to}; at most 1. */
  public static double factor(Instant from, Instant to, Duration halfLife) {
    long elapsed = Duration.between(from, to).toMillis();
    return elapsed <= 0 ? 1 : Math.pow(0.5, (double) elapsed / halfLife.toMillis());
  }
}
