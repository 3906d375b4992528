package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A card in two places too far apart for the time between: the great-circle distance to the nearest
 * card-present payment before or after this one, over the time between them, implies a speed above
 * {@code maxSpeedKmh}. Card-not-present payments are excluded: they do not locate the card.
 * Payments within {@code minDistanceKm} of each other never fire, since terminal coordinates are
 * imprecise.
 */
public final class ImpossibleTravelRule implements FraudRule {

  public static final String ID = "impossible-travel";
  private static final double EARTH_RADIUS_KM = 6371.0088;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Map<String, Object> defaults() {
    return Map.of("maxSpeedKmh", 900, "minDistanceKm", 100, RuleParameters.SCORE, 60);
  }

  @Override
  public HistoryNeed historyNeed(Transaction payment, RuleParameters parameters) {
    return CardPayment.of(payment).locatesCard() ? new HistoryNeed(0, true) : HistoryNeed.NONE;
  }

  @Override
  public Optional<RuleHit> evaluate(PaymentContext payment, RuleParameters parameters) {
    CardPayment current = CardPayment.of(payment.transaction());
    if (!current.locatesCard()) {
      return Optional.empty();
    }
    long t = payment.eventMillis();
    Comparator<CardPayment> nearestInTime =
        Comparator.comparingLong(p -> Math.abs(p.eventTime().toEpochMilli() - t));
    Optional<CardPayment> before =
        payment.cardHistory().stream()
            .filter(p -> p.locatesCard() && p.eventTime().toEpochMilli() <= t)
            .min(nearestInTime);
    Optional<CardPayment> after =
        payment.cardHistory().stream()
            .filter(p -> p.locatesCard() && p.eventTime().toEpochMilli() > t)
            .min(nearestInTime);
    return before
        .flatMap(p -> check(current, p, parameters))
        .or(() -> after.flatMap(p -> check(current, p, parameters)));
  }

  private Optional<RuleHit> check(
      CardPayment current, CardPayment other, RuleParameters parameters) {
    double km = distanceKm(current, other);
    if (km < parameters.number("minDistanceKm")) {
      return Optional.empty();
    }
    double hours =
        Math.abs(current.eventTime().toEpochMilli() - other.eventTime().toEpochMilli())
            / 3_600_000.0;
    double speed = hours == 0 ? Double.POSITIVE_INFINITY : km / hours;
    double max = parameters.number("maxSpeedKmh");
    if (speed <= max) {
      return Optional.empty();
    }
    long shownSpeed = Double.isInfinite(speed) ? Long.MAX_VALUE : Math.round(speed);
    return Optional.of(
        new RuleHit(
            ID,
            parameters.score(),
            String.format(
                Locale.ROOT,
                "%,.0f km from %s to %s in %.0f min implies %s km/h",
                km,
                other.country(),
                current.country(),
                hours * 60,
                Double.isInfinite(speed)
                    ? "infinite"
                    : String.format(Locale.ROOT, "%,d", shownSpeed)),
            Map.of(
                "distanceKm", Math.round(km),
                "minutes", Math.round(hours * 60),
                "speedKmh", shownSpeed,
                "maxSpeedKmh", max,
                "otherTransactionId", other.transactionId())));
  }

  /** Haversine distance. */
  static double distanceKm(CardPayment a, CardPayment b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
