package dev.vigil.fraud.scoring;

import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.Verdict;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.fraud.FraudProperties;
import dev.vigil.fraud.rules.CardPayment;
import dev.vigil.fraud.rules.SpendingStats;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The fraud service's state stores. Their names are part of the deployed state: each names a
 * changelog topic, so renaming one loses that state on upgrade, and a store whose values change
 * shape gets a new name, so that no release reads another's changelog with the wrong serde.
 */
public final class FraudStores {

  /** Card id → one entry per payment, at its event time (window store). */
  public static final String CARD_PAYMENTS = "card-payments";

  /** Account id → spending statistics and latest alerts. */
  public static final String ACCOUNT_STATE = "account-state";

  /** When each account next has to be looked at for expiry, on stream time. */
  public static final String ACCOUNT_EXPIRY = "account-expiry";

  /** Global: account id → account, from {@code payments.accounts}. */
  public static final String ACCOUNTS = "accounts";

  /** Global: rule id → runtime setting, from {@code fraud.rules}. */
  public static final String RULE_SETTINGS = "rule-settings";

  static final Serde<CardPayment> CARD_PAYMENT_VALUES =
      StateSerdes.binary(CardPayment.class, Channel.class);

  static final Serde<AccountState> ACCOUNT_STATE_VALUES =
      StateSerdes.binary(
          AccountState.class,
          SpendingStats.class,
          RecentAlerts.class,
          RecentAlerts.Summary.class,
          Verdict.class);

  private FraudStores() {}

  static Set<StoreBuilder<?>> scorerStores(FraudProperties properties) {
    return Set.of(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                CARD_PAYMENTS,
                // Kafka reads back what is less than its retention older than the newest entry;
                // a card's history reaches exactly the retention back, as it always did.
                properties.historyRetention().plusMillis(1),
                Duration.ZERO,
                // Two payments of a card in the same millisecond are two entries.
                true),
            Serdes.String(),
            CARD_PAYMENT_VALUES),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ACCOUNT_STATE), Serdes.String(), ACCOUNT_STATE_VALUES),
        TimeIndex.store(ACCOUNT_EXPIRY));
  }
}
