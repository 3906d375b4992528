package dev.vigil.fraud.scoring;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.fraud.rules.SpendingStats;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The fraud service's state stores. Their names are part of the deployed state: each names a
 * changelog topic, so renaming one loses that state on upgrade.
 */
public final class FraudStores {

  /** Card id → recent payments. */
  public static final String CARD_HISTORY = "card-history";

  /** Account id → spending statistics. */
  public static final String ACCOUNT_SPENDING = "account-spending";

  /** Account id → latest alerts. */
  public static final String ACCOUNT_ALERTS = "account-alerts";

  /** Global: account id → account, from {@code payments.accounts}. */
  public static final String ACCOUNTS = "accounts";

  /** Global: rule id → runtime setting, from {@code fraud.rules}. */
  public static final String RULE_SETTINGS = "rule-settings";

  private FraudStores() {}

  static Set<StoreBuilder<?>> scorerStores() {
    return Set.of(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CARD_HISTORY),
            Serdes.String(),
            serdeFor(CardHistory.class)),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ACCOUNT_SPENDING),
            Serdes.String(),
            serdeFor(SpendingStats.class)),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ACCOUNT_ALERTS),
            Serdes.String(),
            serdeFor(RecentAlerts.class)));
  }
}
