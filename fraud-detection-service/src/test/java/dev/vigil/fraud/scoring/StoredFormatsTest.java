package dev.vigil.fraud.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.Verdict;
import dev.vigil.common.testing.GoldenFiles;
import dev.vigil.fraud.rules.CardPayment;
import dev.vigil.fraud.rules.SpendingStats;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stores' values as the first binary release wrote them stay readable. */
class StoredFormatsTest {

  private static final Instant PAID = Instant.parse("2026-03-02T09:00:00.125Z");

  @Test
  void shouldReadACardPaymentAsVersionOneWroteIt() {
    CardPayment payment =
        new CardPayment("tx-1", PAID, 25.5, "NL", 52.3676, 4.9041, Channel.CARD_PRESENT);

    assertThat(GoldenFiles.readBack("CardPayment.v1.bin", FraudStores.CARD_PAYMENT_VALUES, payment))
        .isEqualTo(payment);
  }

  @Test
  void shouldReadAnOnlineCardPaymentWithoutALocation() {
    CardPayment payment = new CardPayment("tx-2", PAID, 1.0, "US", null, null, Channel.ONLINE);

    assertThat(
            GoldenFiles.readBack(
                "CardPayment-online.v1.bin", FraudStores.CARD_PAYMENT_VALUES, payment))
        .isEqualTo(payment);
  }

  @Test
  void shouldReadAnAccountStateAsVersionOneWroteIt() {
    AccountState state =
        new AccountState(
            new SpendingStats(12, 31.5, 4.25, PAID),
            new RecentAlerts(
                List.of(
                    new RecentAlerts.Summary(
                        "tx-9",
                        "card-1",
                        new BigDecimal("900.00"),
                        "EUR",
                        Verdict.REVIEW,
                        50,
                        List.of("amount-anomaly"),
                        PAID))),
            PAID.toEpochMilli() + 30L * 24 * 3600 * 1000);

    assertThat(GoldenFiles.readBack("AccountState.v1.bin", FraudStores.ACCOUNT_STATE_VALUES, state))
        .isEqualTo(state);
  }

  @Test
  void shouldReadAnAccountStateWithoutSpending() {
    AccountState state = new AccountState(null, RecentAlerts.EMPTY, 42);

    assertThat(
            GoldenFiles.readBack(
                "AccountState-alerts-only.v1.bin", FraudStores.ACCOUNT_STATE_VALUES, state))
        .isEqualTo(state);
  }
}
