package dev.vigil.fraud;

import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.Transaction;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment of 25.00 EUR in a shop in Amsterdam, changed only where a test says so. */
public final class PaymentBuilder {

  public static final double[] AMSTERDAM = {52.3676, 4.9041};
  public static final double[] UTRECHT = {52.0907, 5.1214};
  public static final double[] NEW_YORK = {40.7128, -74.0060};

  private final String transactionId;
  private String accountId = "acct-1";
  private String cardId = "card-1";
  private BigDecimal amount = new BigDecimal("25.00");
  private String merchantId = "merchant-1";
  private String country = "NL";
  private double[] location = AMSTERDAM;
  private Channel channel = Channel.CARD_PRESENT;
  private Instant at = FraudTopologyTestBase.BEGINNING;

  PaymentBuilder(String transactionId) {
    this.transactionId = transactionId;
  }

  public PaymentBuilder at(Instant time) {
    this.at = time;
    return this;
  }

  public PaymentBuilder amount(String value) {
    this.amount = new BigDecimal(value);
    return this;
  }

  public PaymentBuilder card(String card, String account) {
    this.cardId = card;
    this.accountId = account;
    return this;
  }

  public PaymentBuilder merchant(String merchant) {
    this.merchantId = merchant;
    return this;
  }

  public PaymentBuilder in(String countryCode, double[] coordinates) {
    this.country = countryCode;
    this.location = coordinates;
    return this;
  }

  public PaymentBuilder online() {
    this.channel = Channel.ONLINE;
    this.location = null;
    return this;
  }

  public Transaction build() {
    return new Transaction(
        transactionId,
        accountId,
        cardId,
        amount,
        "EUR",
        merchantId,
        "5411",
        country,
        location == null ? null : location[0],
        location == null ? null : location[1],
        channel,
        at);
  }
}
