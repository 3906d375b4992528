package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
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
  public Optional<RuleHit> evaluate(PaymentContext payment, RuleParameters parameters) {
    double amount = payment.transaction().amount().doubleValue();
    double large = parameters.number("largeAmount");
    if (amount < large) {
      return Optional.empty();
    }
    double small = parameters.number("smallAmount");
    long window = (long) (parameters.number("windowSeconds") * 1000);
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
}
