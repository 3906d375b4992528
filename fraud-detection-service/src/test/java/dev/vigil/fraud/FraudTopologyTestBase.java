package dev.vigil.fraud;

import static dev.vigil.common.testing.TestDrivers.input;
import static dev.vigil.common.testing.TestDrivers.output;

import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.Decision;
import dev.vigil.common.fraud.FraudAlert;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.fraud.SpendingProfile;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.testing.TestDrivers;
import dev.vigil.common.testing.TransactionBuilder;
import dev.vigil.fraud.rules.CardPayment;
import dev.vigil.fraud.rules.RuleBook;
import dev.vigil.fraud.scoring.FraudStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs the fraud topology in a TopologyTestDriver with the built-in rule defaults. */
public abstract class FraudTopologyTestBase {

  public static final Instant BEGINNING = TransactionBuilder.NINE_AM;
  public static final Instant ONE_SECOND_LATER = BEGINNING.plusSeconds(1);
  public static final Instant ONE_MINUTE_LATER = BEGINNING.plusSeconds(60);
  public static final Instant TEN_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(10));
  public static final Instant ONE_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));

  protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  protected Topology topology;
  protected TopologyTestDriver driver;
  protected TestInputTopic<String, Transaction> transactions;
  protected TestInputTopic<String, Account> accounts;
  protected TestInputTopic<String, RuleSetting> rules;
  protected TestOutputTopic<String, Decision> decisions;
  protected TestOutputTopic<String, FraudAlert> alerts;

  /** The configuration under test; subclasses may override rule parameters. */
  protected FraudProperties properties() {
    return FraudProperties.defaults();
  }

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    FraudProperties properties = properties();
    new FraudTopology(
            properties,
            new RuleBook(RuleBook.standardRules(), properties.rules()),
            new VigilMetrics(registry))
        .build(builder);
    topology = builder.build();
    driver = TestDrivers.create(topology, BEGINNING);
    transactions = input(driver, FraudTopics.TRANSACTIONS);
    accounts = input(driver, FraudTopics.ACCOUNTS);
    rules = input(driver, FraudTopics.RULES);
    decisions = output(driver, FraudTopics.DECISIONS);
    alerts = output(driver, FraudTopics.ALERTS);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  protected void pay(Transaction... payments) {
    for (Transaction payment : payments) {
      transactions.pipeInput(payment.cardId(), payment);
    }
  }

  protected void setRule(String ruleId, boolean enabled, Map<String, Object> parameters) {
    rules.pipeInput(ruleId, new RuleSetting(enabled, parameters));
  }

  protected void knownAccount(String accountId, SpendingProfile profile) {
    accounts.pipeInput(accountId, new Account(accountId, "NL", null, profile));
  }

  /** The rules that fired on each alert, in alert order. */
  protected List<List<String>> alertedRules() {
    return alerts.readValuesToList().stream()
        .map(a -> a.rules().stream().map(r -> r.ruleId()).toList())
        .toList();
  }

  /** A payment on an account and card of its own, which moves stream time to {@code at}. */
  protected void streamTimeReaches(Instant at) {
    pay(payment("clock-" + at).cardId("card-clock").accountId("acct-clock").at(at).build());
  }

  /** The ids of the payments the card keeps, oldest first. */
  protected List<String> kept(String cardId) {
    List<String> ids = new ArrayList<>();
    try (WindowStoreIterator<CardPayment> entries =
        driver
            .<String, CardPayment>getWindowStore(FraudStores.CARD_PAYMENTS)
            .fetch(cardId, 0, Long.MAX_VALUE)) {
      entries.forEachRemaining(entry -> ids.add(entry.value.transactionId()));
    }
    return ids;
  }

  /** A payment of 25.00 EUR in a shop in Amsterdam at the beginning, changed where a test says. */
  public static TransactionBuilder payment(String transactionId) {
    return TransactionBuilder.transaction().transactionId(transactionId).at(BEGINNING);
  }
}
