package dev.vigil.common.fraud;

import static dev.vigil.common.testing.TransactionBuilder.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.testing.TransactionBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionTest {

  @Test
  void shouldAcceptACardPresentPaymentWithItsLocation() {
    Transaction payment = transaction().location(52.37, 4.89).build();

    assertThat(payment.hasLocation()).isTrue();
  }

  @Test
  void shouldAcceptAnOnlinePaymentWithoutALocation() {
    Transaction payment = transaction().online().build();

    assertThat(payment.hasLocation()).isFalse();
  }

  static Stream<Arguments> invalidPayments() {
    return Stream.of(
        invalid(
            "blank transactionId", b -> b.transactionId(" "), "transactionId must not be blank"),
        invalid("missing accountId", b -> b.accountId(null), "accountId is required"),
        invalid("blank cardId", b -> b.cardId(""), "cardId must not be blank"),
        invalid("blank merchantId", b -> b.merchantId(" "), "merchantId must not be blank"),
        invalid("missing amount", b -> b.amount(null), "amount is required"),
        invalid(
            "eventTime before the epoch",
            b -> b.at(Instant.parse("1969-12-31T23:59:59Z")),
            "eventTime must be between 1970-01-01T00:00:00Z and 2999-12-31T23:59:59Z"),
        invalid(
            "eventTime beyond epoch millis",
            b -> b.at(Instant.MAX),
            "eventTime must be between 1970-01-01T00:00:00Z and 2999-12-31T23:59:59Z"),
        invalid(
            "zero amount", b -> b.amount("0.00"), "amount must be above 0 and at most 10000000"),
        invalid(
            "negative amount", b -> b.amount("-5"), "amount must be above 0 and at most 10000000"),
        invalid(
            "amount above the maximum",
            b -> b.amount("10000000.01"),
            "amount must be above 0 and at most 10000000"),
        invalid(
            "lower-case currency",
            b -> b.currency("eur"),
            "currency must be an ISO 4217 code such as EUR"),
        invalid(
            "two-letter currency",
            b -> b.currency("EU"),
            "currency must be an ISO 4217 code such as EUR"),
        invalid("missing currency", b -> b.currency(null), "currency is required"),
        invalid(
            "three-digit MCC",
            b -> b.merchantCategoryCode("541"),
            "merchantCategoryCode must be four digits"),
        invalid(
            "non-digit MCC",
            b -> b.merchantCategoryCode("54a1"),
            "merchantCategoryCode must be four digits"),
        invalid(
            "lower-case country",
            b -> b.country("nl"),
            "country must be an ISO 3166 alpha-2 code such as NL"),
        invalid(
            "three-letter country",
            b -> b.country("NLD"),
            "country must be an ISO 3166 alpha-2 code such as NL"),
        invalid(
            "latitude above 90",
            b -> b.location(90.5, 4.89),
            "latitude must be between -90.0 and 90.0"),
        invalid(
            "latitude below -90",
            b -> b.location(-90.5, 4.89),
            "latitude must be between -90.0 and 90.0"),
        invalid(
            "longitude above 180",
            b -> b.location(52.37, 180.5),
            "longitude must be between -180.0 and 180.0"),
        invalid(
            "longitude below -180",
            b -> b.location(52.37, -180.5),
            "longitude must be between -180.0 and 180.0"),
        invalid(
            "NaN latitude", b -> b.location(Double.NaN, 4.89), "latitude must be a finite number"),
        invalid(
            "latitude without longitude",
            b -> b.location(52.37, null),
            "latitude and longitude must be given together"),
        invalid(
            "longitude without latitude",
            b -> b.location(null, 4.89),
            "latitude and longitude must be given together"),
        invalid("missing channel", b -> b.channel(null), "channel is required"),
        invalid("missing eventTime", b -> b.at(null), "eventTime is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPayments")
  void shouldRejectAPaymentThatBreaksARule(
      UnaryOperator<TransactionBuilder> change, String message) {
    TransactionBuilder payment = change.apply(transaction());

    assertThatThrownBy(payment::build)
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> boundaryPayments() {
    return Stream.of(
        valid("smallest amount", b -> b.amount("0.01")),
        valid("largest amount", b -> b.amount("10000000")),
        valid("largest amount with a scale", b -> b.amount("10000000.00")),
        valid("MCC of zeros", b -> b.merchantCategoryCode("0000")),
        valid("south-west corner", b -> b.location(-90.0, -180.0)),
        valid("north-east corner", b -> b.location(90.0, 180.0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaryPayments")
  void shouldAcceptAPaymentOnABoundary(UnaryOperator<TransactionBuilder> change) {
    TransactionBuilder payment = change.apply(transaction());

    assertThat(payment.build()).isNotNull();
  }

  @Test
  void shouldKeepTheAmountAsGiven() {
    Transaction payment = transaction().amount("19.990").build();

    assertThat(payment.amount()).isEqualTo(new BigDecimal("19.990"));
  }

  private static Arguments invalid(
      String rule, UnaryOperator<TransactionBuilder> change, String message) {
    return arguments(named(rule, change), message);
  }

  private static Arguments valid(String boundary, UnaryOperator<TransactionBuilder> change) {
    return arguments(named(boundary, change));
  }
}
