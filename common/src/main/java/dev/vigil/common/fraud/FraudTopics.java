package dev.vigil.common.fraud;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.topic.Topic;
import dev.vigil.common.topic.TopicAccess;
import java.util.List;

/** The topics of the payments domain, with their keys and formats. */
public final class FraudTopics {

  /** Keyed by card id. */
  public static final Topic<String, Transaction> TRANSACTIONS =
      Topic.events("payments.transactions", serdeFor(Transaction.class));

  /** Keyed by account id. */
  public static final Topic<String, Account> ACCOUNTS =
      Topic.table("payments.accounts", serdeFor(Account.class));

  /** Keyed by rule id. */
  public static final Topic<String, RuleSetting> RULES =
      Topic.table("fraud.rules", serdeFor(RuleSetting.class));

  /** Keyed by transaction id. */
  public static final Topic<String, Decision> DECISIONS =
      Topic.events("payments.decisions", serdeFor(Decision.class));

  /** Keyed by account id. */
  public static final Topic<String, FraudAlert> ALERTS =
      Topic.events("fraud.alerts", serdeFor(FraudAlert.class));

  /** What the fraud detection service reads and writes. */
  public static final TopicAccess SERVICE_ACCESS =
      new TopicAccess(List.of(TRANSACTIONS, ACCOUNTS, RULES), List.of(DECISIONS, ALERTS));

  public static final List<Topic<String, ?>> ALL =
      List.of(TRANSACTIONS, ACCOUNTS, RULES, DECISIONS, ALERTS);

  private FraudTopics() {}
}
