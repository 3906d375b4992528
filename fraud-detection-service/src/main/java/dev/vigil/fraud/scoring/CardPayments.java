package dev.vigil.fraud.scoring;

import dev.vigil.common.fraud.Transaction;
import dev.vigil.fraud.rules.CardPayment;
import dev.vigil.fraud.rules.HistoryNeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Each card's payments, one small entry per payment in a window store keyed by card id at the
 * payment's event time. Entries leave with the store's segments once stream time has passed the
 * history retention; nothing is ever rewritten.
 *
 * <p>A payment is scored against the card's newest payments, at most {@code maxPayments} of them,
 * no older than the retention before stream time: the list a card used to keep, its age now
 * measured from stream time rather than from the card's own newest payment. Reading backwards from
 * the newest gives exactly those first, so a payment reads the ones after it (if it arrived out of
 * order), then back from its own time only as far as its rules need, and never more than {@code
 * maxPayments}.
 */
final class CardPayments {

  private final WindowStore<String, CardPayment> store;
  private final long retentionMs;
  private final int maxPayments;

  CardPayments(WindowStore<String, CardPayment> store, Duration retention, int maxPayments) {
    this.store = store;
    this.retentionMs = retention.toMillis();
    this.maxPayments = maxPayments;
  }

  /** The card's payments the rules need around this one, oldest first. */
  List<CardPayment> around(Transaction payment, HistoryNeed need, long streamTime) {
    long t = payment.eventTime().toEpochMilli();
    List<CardPayment> newestFirst = new ArrayList<>();
    Long located = null;
    try (WindowStoreIterator<CardPayment> entries =
        store.backwardFetch(payment.cardId(), oldestKept(streamTime), Long.MAX_VALUE)) {
      while (entries.hasNext() && newestFirst.size() < maxPayments) {
        KeyValue<Long, CardPayment> entry = entries.next();
        long at = entry.key;
        if (at <= t) {
          boolean spanRead = t - at > need.lookBackMillis();
          // Every payment at the nearest located instant: of equal ones the rule takes the first.
          boolean nearestRead = !need.nearestLocated() || (located != null && at < located);
          if (spanRead && nearestRead) {
            break;
          }
          if (located == null && entry.value.locatesCard()) {
            located = at;
          }
        }
        newestFirst.add(entry.value);
      }
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** Keeps the payment, unless it is already older than anything kept. */
  void remember(Transaction payment, long streamTime) {
    long t = payment.eventTime().toEpochMilli();
    if (t >= oldestKept(streamTime)) {
      store.put(payment.cardId(), CardPayment.of(payment), t);
    }
  }

  private long oldestKept(long streamTime) {
    return Math.max(0, streamTime - retentionMs);
  }
}
