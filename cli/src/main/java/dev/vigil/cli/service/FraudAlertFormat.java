package dev.vigil.cli.service;

import dev.vigil.common.fraud.FraudAlert;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.Transaction;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code acct a-0017 card c-0017-1 EUR 1,240.00 NL impossible-travel: ...; velocity: ...}: who, how
 * much and where, then each rule that fired with the service's own reason.
 */
final class FraudAlertFormat implements AlertFormat {

  @Override
  public AlertLine format(byte[] value) {
    FraudAlert alert =
        FraudTopics.ALERTS
            .valueSerde()
            .deserializer()
            .deserialize(FraudTopics.ALERTS.name(), value);
    return new AlertLine(alert.eventTime(), String.valueOf(alert.decision()), facts(alert));
  }

  static String facts(FraudAlert alert) {
    StringBuilder line =
        new StringBuilder()
            .append("acct ")
            .append(alert.accountId())
            .append(" card ")
            .append(alert.cardId());
    Transaction payment = alert.transaction();
    if (payment != null) {
      line.append("  ")
          .append(payment.currency())
          .append(' ')
          .append(amount(payment.amount()))
          .append(' ')
          .append(payment.country());
    }
    line.append("  ")
        .append(
            alert.rules().stream()
                .map(FraudAlertFormat::describe)
                .collect(Collectors.joining("; ")));
    return line.toString();
  }

  private static String describe(RuleHit hit) {
    return hit.reason() == null || hit.reason().isBlank()
        ? hit.ruleId()
        : hit.ruleId() + ": " + hit.reason();
  }

  /** Grouped with two decimals whatever the user's locale, so lines compare across machines. */
  private static String amount(BigDecimal amount) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(amount);
  }
}
