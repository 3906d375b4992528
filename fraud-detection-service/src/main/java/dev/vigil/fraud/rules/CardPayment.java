package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.Transaction;
import java.time.Instant;

/** What the card rules need to remember of an earlier payment on the same card. */
public record CardPayment(
    String transactionId,
    Instant eventTime,
    double amount,
    String country,
    Double latitude,
    Double longitude,
    Channel channel) {

  public static CardPayment of(Transaction t) {
    return new CardPayment(
        t.transactionId(),
        t.eventTime(),
        t.amount().doubleValue(),
        t.country(),
        t.latitude(),
        t.longitude(),
        t.channel());
  }

  /** Where the card physically was: card-not-present payments say nothing about it. */
  public boolean locatesCard() {
    return channel.cardPresent() && latitude != null;
  }
}
