package dev.vigil.fraud.scoring;

import dev.vigil.common.fraud.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An account's latest alerts, newest first, for {@code GET /accounts/{id}/risk}. */
public record RecentAlerts(List<Summary> alerts) {

  public static final RecentAlerts EMPTY = new RecentAlerts(List.of());

  public RecentAlerts {
    alerts = List.copyOf(alerts);
  }

  public RecentAlerts with(Summary alert, int max) {
    List<Summary> updated = new ArrayList<>(alerts.size() + 1);
    updated.addAll(alerts);
    updated.add(alert);
    updated.sort(Comparator.comparing(Summary::eventTime).reversed());
    return new RecentAlerts(updated.subList(0, Math.min(max, updated.size())));
  }

  public Instant newest() {
    return alerts.isEmpty() ? Instant.MIN : alerts.get(0).eventTime();
  }

  /** One alert, as much as a risk overview needs. */
  public record Summary(
      String transactionId,
      String cardId,
      BigDecimal amount,
      String currency,
      Verdict decision,
      int riskScore,
      List<String> rules,
      Instant eventTime) {

    public Summary {
      rules = List.copyOf(rules);
    }
  }
}
