package dev.vigil.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.common.testing.GoldenFiles;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What crosses the {@code transactions-by-account} repartition: the binary format, and the JSON an
 * earlier release left there, which must still be read across the upgrade.
 */
class PaymentsByAccountFormatTest {

  private static final Transaction PAYMENT =
      new Transaction(
          "tx-1",
          "acct-1",
          "card-1",
          new BigDecimal("25.00"),
          "EUR",
          "merchant-1",
          "5411",
          "NL",
          52.3676,
          4.9041,
          Channel.CARD_PRESENT,
          Instant.parse("2026-03-02T09:00:00.125Z"));

  @Test
  void shouldWriteTheBinaryFormat() {
    assertThat(FraudTopology.BY_ACCOUNT_VALUES.serializer().serialize("", PAYMENT)[0])
        .isEqualTo(StateSerdes.FORY);
  }

  @Test
  void shouldReadAPaymentAsVersionOneWroteIt() {
    assertThat(GoldenFiles.readBack("Transaction.v1.bin", FraudTopology.BY_ACCOUNT_VALUES, PAYMENT))
        .isEqualTo(PAYMENT);
  }

  @Test
  void shouldReadAPaymentAsTheJsonReleaseWroteIt() {
    byte[] bytes =
        GoldenFiles.read(
            "Transaction.json",
            () -> FraudTopics.TRANSACTIONS.valueSerde().serializer().serialize("", PAYMENT));

    assertThat(FraudTopology.BY_ACCOUNT_VALUES.deserializer().deserialize("", bytes))
        .isEqualTo(PAYMENT);
  }
}
