package dev.vigil.fraud.scoring;

import dev.vigil.benchmarks.formats.StateValue;
import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.fraud.rules.CardPayment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fraud service's state: a payment as a card's history keeps it (one entry each), a full card
 * history as the JSON releases kept it (one value of the card's last 100 payments, rewritten for
 * every payment), an account's state, and a payment as it crosses the repartition.
 */
public final class FraudStateValues {

  private static final String MODULE = "fraud-detection-service";
  private static final Instant FIRST = Instant.parse("2026-03-02T09:00:00.125Z");

  private FraudStateValues() {}

  /** The card history of the JSON releases, for comparison: the store value they rewrote. */
  public record CardHistory(List<CardPayment> payments) {}

  public static List<StateValue<?>> all() {
    List<CardPayment> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(
          new CardPayment(
              "tx-" + (100_000 + i),
              FIRST.plusSeconds(37L * i),
              10 + i * 1.25,
              i % 7 == 0 ? "DE" : "NL",
              i % 3 == 0 ? null : 52.3676,
              i % 3 == 0 ? null : 4.9041,
              i % 3 == 0 ? Channel.ONLINE : Channel.CARD_PRESENT));
    }
    return List.of(
        StateValue.golden(
            "fraud.CardPayment",
            MODULE,
            "CardPayment.v1.bin",
            CardPayment.class,
            FraudStores.CARD_PAYMENT_VALUES),
        StateValue.of(
            "fraud.CardHistory100",
            new CardHistory(hundred),
            CardHistory.class,
            StateSerdes.binary(CardHistory.class, CardPayment.class, Channel.class)),
        StateValue.golden(
            "fraud.AccountState",
            MODULE,
            "AccountState.v1.bin",
            AccountState.class,
            FraudStores.ACCOUNT_STATE_VALUES),
        StateValue.golden(
            "fraud.Transaction",
            MODULE,
            "Transaction.v1.bin",
            Transaction.class,
            StateSerdes.binary(Transaction.class, Channel.class)));
  }
}
