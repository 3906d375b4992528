package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.finite;

import dev.vigil.common.event.InvalidEventException;

/**
 * The range a metric of one device should stay in, in the metric's unit; either bound may be open.
 * A reading outside it is a breach only once it has lasted {@code forSeconds} (the service's
 * default when absent), so a single spike does not page anyone.
 */
public record Threshold(Double min, Double max, Integer forSeconds) {

  public Threshold {
    if (min == null && max == null) {
      throw new InvalidEventException("a threshold needs min, max or both");
    }
    if (min != null) {
      finite(min, "min");
    }
    if (max != null) {
      finite(max, "max");
    }
    if (min != null && max != null && min >= max) {
      throw new InvalidEventException("min must be below max");
    }
    if (forSeconds != null && (forSeconds < 0 || forSeconds > 86_400)) {
      throw new InvalidEventException("forSeconds must be between 0 and 86400");
    }
  }

  public boolean breachedBy(double value) {
    return (min != null && value < min) || (max != null && value > max);
  }
}
