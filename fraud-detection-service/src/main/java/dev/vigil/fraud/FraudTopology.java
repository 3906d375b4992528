package dev.vigil.fraud;

import static dev.vigil.common.fraud.FraudTopics.ACCOUNTS;
import static dev.vigil.common.fraud.FraudTopics.ALERTS;
import static dev.vigil.common.fraud.FraudTopics.DECISIONS;
import static dev.vigil.common.fraud.FraudTopics.RULES;
import static dev.vigil.common.fraud.FraudTopics.TRANSACTIONS;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.FraudAlert;
import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.metrics.MeasuredEmission;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.fraud.rules.RuleBook;
import dev.vigil.fraud.scoring.FraudScorer;
import dev.vigil.fraud.scoring.FraudStores;
import dev.vigil.fraud.scoring.ScoredTransaction;
import java.util.Comparator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Scores every payment and emits one decision for each and one alert for each suspicious one.
 *
 * <p>Payments arrive keyed by card; they are repartitioned once by account, so that an account's
 * spending statistics, its cards' histories and its alerts are all local to one task. Accounts and
 * rule settings are global tables: every instance has all of them, so a rule change reaches every
 * instance and enrichment needs no further repartition.
 */
public final class FraudTopology {

  public static final String TRANSACTIONS_SOURCE = "transactions-source";
  public static final String KEY_BY_ACCOUNT = "key-by-account";
  public static final String BY_ACCOUNT_TOPIC = "transactions-by-account";
  public static final String SCORER = "score";
  public static final String DECISIONS_SINK = "decisions-sink";
  public static final String ALERTS_SINK = "alerts-sink";

  /**
   * Payments cross the repartition in the binary state format, so each is parsed from JSON once, at
   * the source; records an earlier release left there in JSON are still read.
   */
  static final Serde<Transaction> BY_ACCOUNT_VALUES =
      StateSerdes.binary(Transaction.class, Channel.class);

  private final FraudProperties properties;
  private final RuleBook ruleBook;
  private final VigilMetrics metrics;

  public FraudTopology(FraudProperties properties, RuleBook ruleBook, VigilMetrics metrics) {
    this.properties = properties;
    this.ruleBook = ruleBook;
    this.metrics = metrics;
  }

  public void build(StreamsBuilder builder) {
    ReferenceData.global(builder, ACCOUNTS, FraudStores.ACCOUNTS);
    ReferenceData.global(builder, RULES, FraudStores.RULE_SETTINGS);

    KStream<String, ScoredTransaction> scored =
        builder.stream(TRANSACTIONS.name(), TRANSACTIONS.consumed().withName(TRANSACTIONS_SOURCE))
            .selectKey((cardId, transaction) -> transaction.accountId(), Named.as(KEY_BY_ACCOUNT))
            .repartition(
                Repartitioned.with(TRANSACTIONS.keySerde(), BY_ACCOUNT_VALUES)
                    .withName(BY_ACCOUNT_TOPIC))
            .process(FraudScorer.supplier(ruleBook, properties), Named.as(SCORER));

    scored
        .map(
            (accountId, s) -> KeyValue.pair(s.transaction().transactionId(), s.decision()),
            Named.as("to-decision"))
        .processValues(
            MeasuredEmission.of(metrics, DECISIONS.name()), Named.as("measure-decisions"))
        .to(DECISIONS.name(), DECISIONS.produced().withName(DECISIONS_SINK));

    scored
        .filter((accountId, s) -> s.suspicious(), Named.as("suspicious"))
        .mapValues(ScoredTransaction::alert, Named.as("to-alert"))
        .processValues(
            MeasuredEmission.alerts(metrics, ALERTS.name(), FraudTopology::alertType),
            Named.as("measure-alerts"))
        .to(ALERTS.name(), ALERTS.produced().withName(ALERTS_SINK));
  }

  /** An alert counts under the rule that weighed most in it. */
  static String alertType(FraudAlert alert) {
    return alert.rules().stream()
        .max(Comparator.comparingInt(RuleHit::score))
        .map(RuleHit::ruleId)
        .orElse("unknown");
  }
}
