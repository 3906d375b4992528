package dev.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.FraudAlert;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.SpendingProfile;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.fraud.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FraudAlertFormatTest {

  private static final Instant AFTERNOON = Instant.parse("2025-03-14T14:03:12Z");
  private static final Account ACCOUNT =
      new Account("a-0017", "NL", LocalDate.parse("2019-05-01"), new SpendingProfile(40, 15));
  private static final RuleHit TRAVEL =
      new RuleHit(
          "impossible-travel",
          60,
          "5,860 km from NL to US in 40 min implies 8,790 km/h",
          Map.of("speedKmh", 8790));
  private static final RuleHit VELOCITY =
      new RuleHit("velocity", 40, "6 payments on card c-0017-1 within 60 s", Map.of("count", 6));

  private final AlertFormat format = VigilServices.FRAUD_DETECTION.alerts().get(0).format();

  @Test
  void shouldShowWhoHowMuchWhereAndWhyOnOneLine() {
    FraudAlert alert = alert(new BigDecimal("1240.00"), Verdict.DECLINE, List.of(TRAVEL, VELOCITY));

    assertThat(format.format(json(alert)).render("fraud", ZoneOffset.UTC))
        .isEqualTo(
            "14:03:12  fraud  DECLINE  acct a-0017 card c-0017-1  USD 1,240.00 US  "
                + "impossible-travel: 5,860 km from NL to US in 40 min implies 8,790 km/h; "
                + "velocity: 6 payments on card c-0017-1 within 60 s");
  }

  @Test
  void shouldPadTheDecisionSoThatFactsLineUp() {
    FraudAlert alert = alert(new BigDecimal("7.5"), Verdict.REVIEW, List.of(VELOCITY));

    assertThat(format.format(json(alert)).render("fraud", ZoneOffset.UTC))
        .startsWith("14:03:12  fraud  REVIEW   acct a-0017 card c-0017-1  USD 7.50 US  velocity: ");
  }

  @Test
  void shouldShowTheTimeInTheGivenZone() {
    FraudAlert alert = alert(BigDecimal.TEN, Verdict.REVIEW, List.of(VELOCITY));

    assertThat(format.format(json(alert)).render("fraud", ZoneId.of("Europe/Amsterdam")))
        .startsWith("15:03:12  fraud");
  }

  @Test
  void shouldNameARuleWithoutAReasonByItsId() {
    FraudAlert alert =
        alert(BigDecimal.TEN, Verdict.DECLINE, List.of(new RuleHit("blocklist", 100, "", null)));

    assertThat(format.format(json(alert)).facts()).endsWith("  blocklist");
  }

  @Test
  void shouldDoWithoutThePayment() {
    FraudAlert alert =
        new FraudAlert(
            "t-1",
            "a-0017",
            "c-0017-1",
            Verdict.REVIEW,
            40,
            List.of(VELOCITY),
            null,
            null,
            AFTERNOON);

    assertThat(format.format(json(alert)).facts())
        .isEqualTo("acct a-0017 card c-0017-1  velocity: 6 payments on card c-0017-1 within 60 s");
  }

  private static FraudAlert alert(BigDecimal amount, Verdict verdict, List<RuleHit> hits) {
    Transaction payment =
        new Transaction(
            "t-1",
            "a-0017",
            "c-0017-1",
            amount,
            "USD",
            "m-nyc-12",
            "5411",
            "US",
            40.71,
            -74.0,
            Channel.CARD_PRESENT,
            AFTERNOON);
    return new FraudAlert(
        "t-1", "a-0017", "c-0017-1", verdict, 84, hits, payment, ACCOUNT, AFTERNOON);
  }

  private static byte[] json(FraudAlert alert) {
    return FraudTopics.ALERTS.valueSerde().serializer().serialize(FraudTopics.ALERTS.name(), alert);
  }
}
