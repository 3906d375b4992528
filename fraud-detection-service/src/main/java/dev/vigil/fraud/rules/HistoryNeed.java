package dev.vigil.fraud.rules;

/**
 * How much of a card's history before a payment its rules look at: every payment up to {@code
 * lookBackMillis} before it, and with {@code nearestLocated} also the nearest one before it that
 * located the card, however long before. The scorer reads no more than that, so a payment costs
 * what its rules need rather than what its card has kept. Payments after it (when it arrived out of
 * order) need no asking: they are among the card's newest, which are read first.
 */
public record HistoryNeed(long lookBackMillis, boolean nearestLocated) {

  /** Only the payments at the same instant, which a redelivered duplicate is found among. */
  public static final HistoryNeed NONE = new HistoryNeed(0, false);

  public HistoryNeed {
    lookBackMillis = Math.max(0, lookBackMillis);
  }

  public static HistoryNeed within(long lookBackMillis) {
    return new HistoryNeed(lookBackMillis, false);
  }

  /** What both need. */
  public HistoryNeed and(HistoryNeed other) {
    return new HistoryNeed(
        Math.max(lookBackMillis, other.lookBackMillis), nearestLocated || other.nearestLocated);
  }
}
