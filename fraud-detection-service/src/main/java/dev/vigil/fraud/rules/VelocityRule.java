package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Too many payments on one card in a short time: more than {@code maxTransactions} within any
 * window of {@code windowSeconds} (both ends inclusive) that contains this payment. Looking at
 * every window that contains it, not only the one ending at it, scores a payment that arrives out
 * of order the same as if it had arrived in order.
 */
public final class VelocityRule implements FraudRule {

  public static final String ID = "velocity";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Map<String, Object> defaults() {
    return Map.of("maxTransactions", 5, "windowSeconds", 60, RuleParameters.SCORE, 40);
  }

  @Override
  public HistoryNeed historyNeed(Transaction payment, RuleParameters parameters) {
    return HistoryNeed.within(window(parameters));
  }

  @Override
  public Optional<RuleHit> evaluate(PaymentContext payment, RuleParameters parameters) {
    int max = (int) parameters.number("maxTransactions");
    long window = window(parameters);
    long t = payment.eventMillis();
    List<Long> times = new ArrayList<>();
    times.add(t);
    for (CardPayment past : payment.cardHistory()) {
      long pastTime = past.eventTime().toEpochMilli();
      if (Math.abs(pastTime - t) <= window) {
        times.add(pastTime);
      }
    }
    times.sort(null);
    int busiest = busiestWindowContaining(times, t, window);
    if (busiest <= max) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleHit(
            ID,
            parameters.score(),
            busiest
                + " payments on card "
                + payment.transaction().cardId()
                + " within "
                + window / 1000
                + " s",
            Map.of("count", busiest, "maxTransactions", max, "windowSeconds", window / 1000)));
  }

  private static long window(RuleParameters parameters) {
    return (long) (parameters.number("windowSeconds") * 1000);
  }

  /**
   * The most payments in one window of the given width that contains t. Every time lies within one
   * width of t, so a window starting at any time not after t contains t, and the busiest such
   * window starts at one of them.
   */
  private static int busiestWindowContaining(List<Long> sortedTimes, long t, long width) {
    int best = 0;
    int end = 0;
    for (int start = 0; start < sortedTimes.size() && sortedTimes.get(start) <= t; start++) {
      while (end < sortedTimes.size() && sortedTimes.get(end) - sortedTimes.get(start) <= width) {
        end++;
      }
      best = Math.max(best, end - start);
    }
    return best;
  }
}
