package dev.vigil.common.testing;

import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.Transaction;
import java.math.BigDecimal;
import java.time.Instant;

/** A valid card payment by default; each setter changes one field, so a test states only that. */
public final class TransactionBuilder {

  public static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");

  /** Latitude and longitude of a few places, for the distances between payments. */
  public static final double[] AMSTERDAM = {52.3676, 4.9041};

  public static final double[] UTRECHT = {52.0907, 5.1214};
  public static final double[] NEW_YORK = {40.7128, -74.0060};

  private String transactionId = "tx-1";
  private String accountId = "acct-1";
  private String cardId = "card-1";
  private BigDecimal amount = new BigDecimal("25.00");
  private String currency = "EUR";
  private String merchantId = "merchant-1";
  private String merchantCategoryCode = "5411";
  private String country = "NL";
  private Double latitude = AMSTERDAM[0];
  private Double longitude = AMSTERDAM[1];
  private Channel channel = Channel.CARD_PRESENT;
  private Instant eventTime = NINE_AM;

  private TransactionBuilder() {}

  public static TransactionBuilder transaction() {
    return new TransactionBuilder();
  }

  public TransactionBuilder transactionId(String value) {
    transactionId = value;
    return this;
  }

  public TransactionBuilder accountId(String value) {
    accountId = value;
    return this;
  }

  public TransactionBuilder cardId(String value) {
    cardId = value;
    return this;
  }

  public TransactionBuilder amount(String value) {
    amount = value == null ? null : new BigDecimal(value);
    return this;
  }

  public TransactionBuilder currency(String value) {
    currency = value;
    return this;
  }

  public TransactionBuilder merchantId(String value) {
    merchantId = value;
    return this;
  }

  public TransactionBuilder merchantCategoryCode(String value) {
    merchantCategoryCode = value;
    return this;
  }

  public TransactionBuilder country(String value) {
    country = value;
    return this;
  }

  public TransactionBuilder location(Double lat, Double lon) {
    latitude = lat;
    longitude = lon;
    return this;
  }

  /** A card-present payment in a country, at a place. */
  public TransactionBuilder in(String countryCode, double[] place) {
    country = countryCode;
    return location(place[0], place[1]);
  }

  public TransactionBuilder online() {
    channel = Channel.ONLINE;
    latitude = null;
    longitude = null;
    return this;
  }

  public TransactionBuilder channel(Channel value) {
    channel = value;
    return this;
  }

  public TransactionBuilder at(Instant value) {
    eventTime = value;
    return this;
  }

  public Transaction build() {
    return new Transaction(
        transactionId,
        accountId,
        cardId,
        amount,
        currency,
        merchantId,
        merchantCategoryCode,
        country,
        latitude,
        longitude,
        channel,
        eventTime);
  }
}
