package dev.vigil.fraud.scoring;

import dev.vigil.common.state.TimeIndex;
import dev.vigil.fraud.rules.SpendingStats;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Accounts' state with an index of when each must next be looked at for expiry, on stream time:
 * spending statistics expire {@code profileTtl} after the last payment that counted, alerts {@code
 * alertTtl} after the newest. The index holds one entry per account, moved only when the account's
 * earliest expiry comes before it (a first alert, say); a payment that merely pushes the expiry
 * later leaves it, and the entry, once due, finds the account still alive and moves on to the real
 * time. So an expiry sweep costs what is due, not how many accounts there are.
 */
final class AccountStates {

  /** Entries taken from the index at a time, so that one batch's keys stay small. */
  private static final int BATCH = 1_000;

  private final KeyValueStore<String, AccountState> store;
  private final TimeIndex expiry;
  private final Duration profileTtl;
  private final Duration alertTtl;

  AccountStates(
      KeyValueStore<String, AccountState> store,
      TimeIndex expiry,
      Duration profileTtl,
      Duration alertTtl) {
    this.store = store;
    this.expiry = expiry;
    this.profileTtl = profileTtl;
    this.alertTtl = alertTtl;
  }

  AccountState get(String accountId) {
    return store.get(accountId);
  }

  /** Replaces what {@code before} held, {@code null} for a new account. */
  void put(String accountId, AccountState before, SpendingStats spending, RecentAlerts alerts) {
    long expires = earliestExpiry(spending, alerts);
    long check;
    if (before == null) {
      check = expires;
      expiry.add(check, accountId);
    } else if (expires < before.expiryCheckMs()) {
      check = expires;
      expiry.move(before.expiryCheckMs(), check, accountId);
    } else {
      check = before.expiryCheckMs();
    }
    store.put(accountId, new AccountState(spending, alerts, check));
  }

  /**
   * Removes what expired by {@code streamTime}: exactly what a sweep of every account would have
   * removed then, since an account's entry is never later than its earliest expiry.
   */
  void expire(long streamTime) {
    List<TimeIndex.Entry> due;
    do {
      // An expiry is due once stream time has passed it.
      due = expiry.takeDue(streamTime - 1, BATCH);
      for (TimeIndex.Entry entry : due) {
        review(entry.id(), streamTime);
      }
    } while (due.size() == BATCH);
  }

  private void review(String accountId, long streamTime) {
    AccountState state = store.get(accountId);
    if (state == null) {
      // Under at-least-once a crash can keep an index write and lose the account's own.
      return;
    }
    SpendingStats spending =
        state.spending() != null && expiresAt(state.spending()) < streamTime
            ? null
            : state.spending();
    RecentAlerts alerts =
        !state.alerts().alerts().isEmpty() && expiresAt(state.alerts()) < streamTime
            ? RecentAlerts.EMPTY
            : state.alerts();
    if (spending == null && alerts.alerts().isEmpty()) {
      store.delete(accountId);
      return;
    }
    long check = earliestExpiry(spending, alerts);
    expiry.add(check, accountId);
    store.put(accountId, new AccountState(spending, alerts, check));
  }

  private long earliestExpiry(SpendingStats spending, RecentAlerts alerts) {
    long earliest = Long.MAX_VALUE;
    if (spending != null) {
      earliest = expiresAt(spending);
    }
    if (!alerts.alerts().isEmpty()) {
      earliest = Math.min(earliest, expiresAt(alerts));
    }
    return earliest;
  }

  /**
   * The last stream time at which the spending is alive: it expires once its last payment is more
   * than the time to live before stream time (in whole milliseconds, rounded down, as stream time
   * is).
   */
  private long expiresAt(SpendingStats spending) {
    return spending.lastPayment().plus(profileTtl).toEpochMilli();
  }

  private long expiresAt(RecentAlerts alerts) {
    return alerts.newest().plus(alertTtl).toEpochMilli();
  }
}
