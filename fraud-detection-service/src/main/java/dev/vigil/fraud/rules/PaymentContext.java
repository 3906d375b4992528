package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.Transaction;
import java.util.List;

/**
 * A payment and what is known around it: the card's other recent payments in event-time order
 * (earlier and, for a payment that arrived out of order, later ones), as far back as the rules'
 * {@link HistoryNeed} asked for; the account's spending statistics before this payment ({@code
 * null} without history) and the account ({@code null} when unknown).
 */
public record PaymentContext(
    Transaction transaction,
    List<CardPayment> cardHistory,
    SpendingStats spending,
    Account account) {

  public PaymentContext {
    cardHistory = List.copyOf(cardHistory);
  }

  public long eventMillis() {
    return transaction.eventTime().toEpochMilli();
  }
}
