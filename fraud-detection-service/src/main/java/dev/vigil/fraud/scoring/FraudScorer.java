package dev.vigil.fraud.scoring;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.fraud.Verdict;
import dev.vigil.fraud.FraudProperties;
import dev.vigil.fraud.rules.AmountAnomalyRule;
import dev.vigil.fraud.rules.CardPayment;
import dev.vigil.fraud.rules.PaymentContext;
import dev.vigil.fraud.rules.RuleBook;
import dev.vigil.fraud.rules.SpendingStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Scores each payment of an account's partition against its card's history, the account's spending
 * and the current rules, then remembers the payment. Input is keyed by account id, so an account's
 * statistics and all its cards' histories live in one task. Expired state is swept on stream time,
 * so a replay sweeps exactly as the original run did.
 */
public final class FraudScorer
    implements Processor<String, Transaction, String, ScoredTransaction> {

  /** How many payments a bank-supplied spending profile is worth as history. */
  private static final long PROFILE_WEIGHT = 20;

  private final RuleBook ruleBook;
  private final DecisionPolicy policy;
  private final FraudProperties properties;

  private ProcessorContext<String, ScoredTransaction> context;
  private KeyValueStore<String, CardHistory> cardHistory;
  private KeyValueStore<String, SpendingStats> spending;
  private KeyValueStore<String, RecentAlerts> alerts;
  private ReferenceData.Lookup<Account> accounts;
  private Function<String, RuleSetting> runtimeSettings;

  private FraudScorer(RuleBook ruleBook, FraudProperties properties) {
    this.ruleBook = ruleBook;
    this.policy = new DecisionPolicy(properties.reviewScore(), properties.declineScore());
    this.properties = properties;
  }

  /** A supplier that also declares the scorer's own state stores, so they are wired with it. */
  public static ProcessorSupplier<String, Transaction, String, ScoredTransaction> supplier(
      RuleBook ruleBook, FraudProperties properties) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Transaction, String, ScoredTransaction> get() {
        return new FraudScorer(ruleBook, properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return FraudStores.scorerStores();
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, ScoredTransaction> context) {
    this.context = context;
    cardHistory = context.getStateStore(FraudStores.CARD_HISTORY);
    spending = context.getStateStore(FraudStores.ACCOUNT_SPENDING);
    alerts = context.getStateStore(FraudStores.ACCOUNT_ALERTS);
    accounts = ReferenceData.lookup(context, FraudStores.ACCOUNTS);
    runtimeSettings = ReferenceData.<RuleSetting>lookup(context, FraudStores.RULE_SETTINGS)::get;
    context.schedule(properties.expiryInterval(), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, Transaction> record) {
    Transaction transaction = record.value();
    CardHistory history = orEmpty(cardHistory.get(transaction.cardId()));
    if (history.contains(transaction.transactionId())) {
      // A redelivered duplicate from the producer: it was decided when it first arrived.
      return;
    }
    Account account = accounts.get(transaction.accountId());
    SpendingStats before = spendingOf(transaction.accountId(), account, transaction.eventTime());
    PaymentContext payment = new PaymentContext(transaction, history.payments(), before, account);

    List<RuleHit> hits = ruleBook.evaluate(payment, runtimeSettings);
    int riskScore = policy.riskScore(hits);
    ScoredTransaction scored =
        new ScoredTransaction(transaction, account, hits, riskScore, policy.verdict(riskScore));

    remember(scored, history, before);
    context.forward(record.withValue(scored));
  }

  private void remember(ScoredTransaction scored, CardHistory history, SpendingStats before) {
    Transaction transaction = scored.transaction();
    cardHistory.put(
        transaction.cardId(),
        history.with(
            CardPayment.of(transaction),
            properties.historyRetention(),
            properties.maxCardHistory()));
    // A declined payment is not the customer's spending, and must not teach the profile to
    // accept the next fraudulent amount.
    if (scored.verdict() != Verdict.DECLINE) {
      double amount = transaction.amount().doubleValue();
      double alpha = ruleBook.parameters(AmountAnomalyRule.ID, runtimeSettings).number("alpha");
      spending.put(
          transaction.accountId(),
          before == null
              ? SpendingStats.first(amount, transaction.eventTime())
              : before.update(amount, alpha, transaction.eventTime()));
    }
    if (scored.suspicious()) {
      RecentAlerts recent = alerts.get(transaction.accountId());
      alerts.put(
          transaction.accountId(),
          (recent == null ? RecentAlerts.EMPTY : recent)
              .with(scored.summary(), properties.recentAlerts()));
    }
  }

  private SpendingStats spendingOf(String accountId, Account account, Instant at) {
    SpendingStats stats = spending.get(accountId);
    if (stats != null || account == null || account.profile() == null) {
      return stats;
    }
    return SpendingStats.known(
        account.profile().meanAmount(), account.profile().stdDevAmount(), PROFILE_WEIGHT, at);
  }

  private void expire(long streamTime) {
    Instant now = Instant.ofEpochMilli(streamTime);
    expire(cardHistory, h -> h.newest().isBefore(now.minus(properties.historyRetention())));
    expire(spending, s -> s.lastPayment().isBefore(now.minus(properties.profileTtl())));
    expire(alerts, a -> a.newest().isBefore(now.minus(properties.alertTtl())));
  }

  private static <V> void expire(KeyValueStore<String, V> store, Predicate<V> expired) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> entry = all.next();
        if (expired.test(entry.value)) {
          keys.add(entry.key);
        }
      }
    }
    keys.forEach(store::delete);
  }

  private static CardHistory orEmpty(CardHistory history) {
    return history == null ? CardHistory.EMPTY : history;
  }
}
