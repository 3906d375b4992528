package dev.vigil.fraud.rules;

import java.time.Instant;

/**
 * An account's spending per payment as an exponentially weighted mean and variance: recent payments
 * count most, and the memory is one record however long the history. {@code lastPayment} lets
 * inactive accounts expire.
 */
public record SpendingStats(long count, double mean, double variance, Instant lastPayment) {

  public static SpendingStats first(double amount, Instant at) {
    return new SpendingStats(1, amount, 0, at);
  }

  /** Seeded from the bank's own profile, which counts as {@code weight} payments of history. */
  public static SpendingStats known(double mean, double stdDev, long weight, Instant at) {
    return new SpendingStats(weight, mean, stdDev * stdDev, at);
  }

  /** Incremental update of exponentially weighted mean and variance (Finch, 2009). */
  public SpendingStats update(double amount, double alpha, Instant at) {
    double diff = amount - mean;
    double increment = alpha * diff;
    Instant latest = at.isAfter(lastPayment) ? at : lastPayment;
    return new SpendingStats(
        count + 1, mean + increment, (1 - alpha) * (variance + diff * increment), latest);
  }

  public double stdDev() {
    return Math.sqrt(variance);
  }
}
