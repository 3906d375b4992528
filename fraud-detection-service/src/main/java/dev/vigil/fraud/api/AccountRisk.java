package dev.vigil.fraud.api;

import dev.vigil.common.fraud.Account;
import dev.vigil.fraud.scoring.RecentAlerts;

/**
 * An account's current risk picture: the account as the bank describes it ({@code null} if
 * unknown), its learned spending ({@code null} before its first payment) and its latest alerts.
 */
record AccountRisk(
    String accountId, Account account, Spending spending, RecentAlerts recentAlerts) {

  /** Learned spending per payment, in the account's currency. */
  record Spending(long payments, double meanAmount, double stdDevAmount) {}
}
