package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
import java.util.Map;
import java.util.Optional;

/**
 * A payment far above what the account usually spends: its z-score against the account's
 * exponentially weighted mean and standard deviation exceeds {@code zScore}, once the account has
 * at least {@code minHistory} payments (or a profile from the bank). The deviation is floored at
 * {@code minStdDevRatio} of the mean, so an account that always pays the same amount is not flagged
 * for a few cents more.
 */
public final class AmountAnomalyRule implements FraudRule {

  public static final String ID = "amount-anomaly";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Map<String, Object> defaults() {
    return Map.of(
        "zScore",
        4.0,
        "minHistory",
        10,
        "minStdDevRatio",
        0.1,
        "alpha",
        0.1,
        RuleParameters.SCORE,
        50);
  }

  @Override
  public Optional<RuleHit> evaluate(PaymentContext payment, RuleParameters parameters) {
    SpendingStats spending = payment.spending();
    if (spending == null || spending.count() < parameters.number("minHistory")) {
      return Optional.empty();
    }
    double amount = payment.transaction().amount().doubleValue();
    double stdDev =
        Math.max(spending.stdDev(), spending.mean() * parameters.number("minStdDevRatio"));
    if (stdDev <= 0) {
      return Optional.empty();
    }
    double z = (amount - spending.mean()) / stdDev;
    double threshold = parameters.number("zScore");
    if (z <= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleHit(
            ID,
            parameters.score(),
            String.format(
                java.util.Locale.ROOT,
                "amount %.2f is %.1f standard deviations above the account's mean of %.2f",
                amount,
                z,
                spending.mean()),
            Map.of(
                "amount", amount,
                "mean", round(spending.mean()),
                "stdDev", round(stdDev),
                "zScore", round(z),
                "threshold", threshold)));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
