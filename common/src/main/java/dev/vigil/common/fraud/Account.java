package dev.vigil.common.fraud;

import static dev.vigil.common.event.Checks.text;

import java.time.LocalDate;

/**
 * A bank account, keyed by account id on the compacted {@code payments.accounts}. {@code profile}
 * and {@code openedDate} may be absent.
 */
public record Account(
    String accountId, String homeCountry, LocalDate openedDate, SpendingProfile profile) {

  public Account {
    text(accountId, "accountId");
    text(homeCountry, "homeCountry");
  }
}
