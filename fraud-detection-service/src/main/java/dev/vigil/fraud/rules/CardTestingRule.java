package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import java.util.Map;
import java.util.Optional;

/**
 * Card testing: fraudsters check a stolen card with a burst of tiny payments, then spend big. Fires
 * on a payment of at least {@code largeAmount} preceded, within {@code windowSeconds}, by at least
 * {@code minSmallCount} payments of at most {@code smallAmount} on the same card.
 */
public final class CardTestingRule implements FraudRule {

  public static final String ID = "card-testing";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Map<String, Object> defaults() {
    return Map.of(
        "smallAmount",
        5,
        "minSmallCount",
        3,
        "largeAmount",
        200,
        "windowSeconds",
        600,
        RuleParameters.SCORE,
        70);
  }

  @Override
  public HistoryNeed historyNeed(Transaction payment, RuleParameters parameters) {
    return isLarge(payment, parameters) ? HistoryNeed.within(window(parameters)) : HistoryNeed.NONE;
  }

  @Override
  public Optional<RuleHit> evaluate(PaymentContext payment, RuleParameters parameters) {
    if (!isLarge(payment.transaction(), parameters)) {
      return Optional.empty();
    }
    double amount = payment.transaction().amount().doubleValue();
    double small = parameters.number("smallAmount");
    long window = window(parameters);
    long t = payment.eventMillis();
    long smallBefore =
        payment.cardHistory().stream()
            .filter(p -> p.amount() <= small)
            .map(p -> t - p.eventTime().toEpochMilli())
            .filter(age -> age >= 0 && age <= window)
            .count();
    int minCount = (int) parameters.number("minSmallCount");
    if (smallBefore < minCount) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleHit(
            ID,
            parameters.score(),
            smallBefore
                + " payments of at most "
                + small
                + " in the "
                + window / 1000
                + " s before a payment of "
                + amount,
            Map.of(
                "smallPayments",
                smallBefore,
                "smallAmount",
                small,
                "amount",
                amount,
                "windowSeconds",
                window / 1000)));
  }

  private static boolean isLarge(Transaction payment, RuleParameters parameters) {
    return payment.amount().doubleValue() >= parameters.number("largeAmount");
  }

  private static long window(RuleParameters parameters) {
    return (long) (parameters.number("windowSeconds") * 1000);
  }
}
