package dev.vigil.fraud.scoring;

import dev.vigil.fraud.rules.SpendingStats;

/**
 * What the scorer keeps per account, read once and written once per payment.
 *
 * @param spending the learned spending, {@code null} before the first payment that counted and once
 *     it expired
 * @param alerts the latest alerts, for the risk API; empty before the first and once they expired
 * @param expiryCheckMs the stream time of the account's entry in the expiry index: never after the
 *     earliest time any of it expires, so nothing outlives its time to live
 */
public record AccountState(SpendingStats spending, RecentAlerts alerts, long expiryCheckMs) {

  public AccountState {
    alerts = alerts == null ? RecentAlerts.EMPTY : alerts;
  }
}
