package dev.vigil.fraud.scoring;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.fraud.Verdict;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.fraud.FraudProperties;
import dev.vigil.fraud.rules.AmountAnomalyRule;
import dev.vigil.fraud.rules.CardPayment;
import dev.vigil.fraud.rules.PaymentContext;
import dev.vigil.fraud.rules.RuleBook;
import dev.vigil.fraud.rules.SpendingStats;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Scores each payment of an account's partition against its card's recent payments, the account's
 * spending and the current rules, then remembers the payment. Input is keyed by account id, so an
 * account's state and all its cards' payments live in one task. A payment reads the card's payments
 * its rules need and the account's state, and writes one card entry and the account's state once.
 * Expired account state is removed on stream time, so a replay expires exactly as the original run
 * did; card entries leave with their window store's segments.
 */
public final class FraudScorer
    implements Processor<String, Transaction, String, ScoredTransaction> {

  /** How many payments a bank-supplied spending profile is worth as history. */
  private static final long PROFILE_WEIGHT = 20;

  private final RuleBook ruleBook;
  private final DecisionPolicy policy;
  private final FraudProperties properties;

  private ProcessorContext<String, ScoredTransaction> context;
  private CardPayments cards;
  private AccountStates accountStates;
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
        return FraudStores.scorerStores(properties);
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, ScoredTransaction> context) {
    this.context = context;
    cards =
        new CardPayments(
            context.getStateStore(FraudStores.CARD_PAYMENTS),
            properties.historyRetention(),
            properties.maxCardHistory());
    accountStates =
        new AccountStates(
            context.getStateStore(FraudStores.ACCOUNT_STATE),
            TimeIndex.over(context.getStateStore(FraudStores.ACCOUNT_EXPIRY)),
            properties.profileTtl(),
            properties.alertTtl());
    accounts = ReferenceData.lookup(context, FraudStores.ACCOUNTS);
    runtimeSettings = ReferenceData.<RuleSetting>lookup(context, FraudStores.RULE_SETTINGS)::get;
    context.schedule(
        properties.expiryInterval(), PunctuationType.STREAM_TIME, accountStates::expire);
  }

  @Override
  public void process(Record<String, Transaction> record) {
    Transaction transaction = record.value();
    long streamTime = context.currentStreamTimeMs();
    RuleBook.InForce rules = ruleBook.inForce(runtimeSettings);
    List<CardPayment> history =
        cards.around(transaction, rules.historyNeed(transaction), streamTime);
    if (redelivered(transaction, history)) {
      // A redelivered duplicate from the producer: it was decided when it first arrived.
      return;
    }
    Account account = accounts.get(transaction.accountId());
    AccountState state = accountStates.get(transaction.accountId());
    SpendingStats before = spendingOf(state, account, transaction.eventTime());
    PaymentContext payment = new PaymentContext(transaction, history, before, account);

    List<RuleHit> hits = rules.evaluate(payment);
    int riskScore = policy.riskScore(hits);
    ScoredTransaction scored =
        new ScoredTransaction(transaction, account, hits, riskScore, policy.verdict(riskScore));

    cards.remember(transaction, streamTime);
    remember(scored, state, before, rules);
    context.forward(record.withValue(scored));
  }

  private void remember(
      ScoredTransaction scored, AccountState state, SpendingStats before, RuleBook.InForce rules) {
    Transaction transaction = scored.transaction();
    SpendingStats spending = state == null ? null : state.spending();
    // A declined payment is not the customer's spending, and must not teach the profile to
    // accept the next fraudulent amount.
    if (scored.verdict() != Verdict.DECLINE) {
      double amount = transaction.amount().doubleValue();
      double alpha = rules.parameters(AmountAnomalyRule.ID).number("alpha");
      spending =
          before == null
              ? SpendingStats.first(amount, transaction.eventTime())
              : before.update(amount, alpha, transaction.eventTime());
    }
    RecentAlerts alerts = state == null ? RecentAlerts.EMPTY : state.alerts();
    if (scored.suspicious()) {
      alerts = alerts.with(scored.summary(), properties.recentAlerts());
    }
    accountStates.put(transaction.accountId(), state, spending, alerts);
  }

  private static SpendingStats spendingOf(AccountState state, Account account, Instant at) {
    SpendingStats stats = state == null ? null : state.spending();
    if (stats != null || account == null || account.profile() == null) {
      return stats;
    }
    return SpendingStats.known(
        account.profile().meanAmount(), account.profile().stdDevAmount(), PROFILE_WEIGHT, at);
  }

  /** Whether the card already has this payment: a redelivery has its event time and card. */
  private static boolean redelivered(Transaction transaction, List<CardPayment> history) {
    for (CardPayment p : history) {
      if (p.eventTime().equals(transaction.eventTime())
          && p.transactionId().equals(transaction.transactionId())) {
        return true;
      }
    }
    return false;
  }
}
