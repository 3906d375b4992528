package dev.vigil.fraud.api;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import dev.vigil.common.fraud.Account;
import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.fraud.rules.SpendingStats;
import dev.vigil.fraud.scoring.AccountState;
import dev.vigil.fraud.scoring.FraudStores;
import dev.vigil.fraud.scoring.RecentAlerts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Interactive queries on the fraud state, answered by whichever instance holds the account. */
@RestController
class AccountRiskController {

  private final InteractiveQueries queries;

  AccountRiskController(InteractiveQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/accounts/{id}/risk")
  AccountRisk risk(@PathVariable String id, HttpServletRequest request) {
    String accountId = requireId(id, "account id");
    return queries.routed(
        FraudStores.ACCOUNT_STATE, accountId, request, AccountRisk.class, () -> local(accountId));
  }

  private AccountRisk local(String accountId) {
    Account account = queries.<Account>localStore(FraudStores.ACCOUNTS).get(accountId);
    AccountState state = queries.<AccountState>localStore(FraudStores.ACCOUNT_STATE).get(accountId);
    SpendingStats stats = state == null ? null : state.spending();
    return new AccountRisk(
        accountId,
        account,
        stats == null
            ? null
            : new AccountRisk.Spending(stats.count(), stats.mean(), stats.stdDev()),
        state == null ? RecentAlerts.EMPTY : state.alerts());
  }
}
