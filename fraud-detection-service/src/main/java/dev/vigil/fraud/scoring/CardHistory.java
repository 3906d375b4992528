package dev.vigil.fraud.scoring;

import dev.vigil.fraud.rules.CardPayment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A card's recent payments in event-time order, bounded in age (relative to the newest payment) and
 * in count, so the state per card stays small however busy the card.
 */
public record CardHistory(List<CardPayment> payments) {

  public static final CardHistory EMPTY = new CardHistory(List.of());

  public CardHistory {
    payments = List.copyOf(payments);
  }

  public boolean contains(String transactionId) {
    return payments.stream().anyMatch(p -> p.transactionId().equals(transactionId));
  }

  public Instant newest() {
    return payments.isEmpty() ? Instant.MIN : payments.get(payments.size() - 1).eventTime();
  }

  public CardHistory with(CardPayment payment, Duration retention, int maxPayments) {
    List<CardPayment> updated = new ArrayList<>(payments.size() + 1);
    updated.addAll(payments);
    updated.add(payment);
    updated.sort(Comparator.comparing(CardPayment::eventTime));
    Instant oldestKept = updated.get(updated.size() - 1).eventTime().minus(retention);
    updated.removeIf(p -> p.eventTime().isBefore(oldestKept));
    int excess = updated.size() - maxPayments;
    return new CardHistory(excess > 0 ? updated.subList(excess, updated.size()) : updated);
  }
}
