package dev.vigil.common.fraud;

import static dev.vigil.common.event.Checks.optionalInRange;
import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;
import static dev.vigil.common.event.Checks.timestamp;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.event.TimestampedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A card payment, keyed by card id on {@code payments.transactions}. {@code amount} is in the major
 * unit of {@code currency} (ISO 4217); {@code country} is ISO 3166-1 alpha-2; latitude and
 * longitude are WGS84 degrees, present for card-present payments.
 */
public record Transaction(
    String transactionId,
    String accountId,
    String cardId,
    BigDecimal amount,
    String currency,
    String merchantId,
    String merchantCategoryCode,
    String country,
    Double latitude,
    Double longitude,
    Channel channel,
    Instant eventTime)
    implements TimestampedEvent {

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern MCC = Pattern.compile("\\d{4}");

  public Transaction {
    text(transactionId, "transactionId");
    text(accountId, "accountId");
    text(cardId, "cardId");
    if (required(amount, "amount").signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
      throw new InvalidEventException("amount must be above 0 and at most " + MAX_AMOUNT);
    }
    matches(currency, CURRENCY, "currency", "an ISO 4217 code such as EUR");
    text(merchantId, "merchantId");
    matches(merchantCategoryCode, MCC, "merchantCategoryCode", "four digits");
    matches(country, COUNTRY, "country", "an ISO 3166 alpha-2 code such as NL");
    optionalInRange(latitude, -90, 90, "latitude");
    optionalInRange(longitude, -180, 180, "longitude");
    if ((latitude == null) != (longitude == null)) {
      throw new InvalidEventException("latitude and longitude must be given together");
    }
    required(channel, "channel");
    timestamp(eventTime, "eventTime");
  }

  public boolean hasLocation() {
    return latitude != null;
  }

  private static void matches(String value, Pattern pattern, String field, String expected) {
    if (!pattern.matcher(required(value, field)).matches()) {
      throw new InvalidEventException(field + " must be " + expected);
    }
  }
}
