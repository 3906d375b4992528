package dev.vigil.cli.demo;

import dev.vigil.cli.sample.PaymentStream;
import dev.vigil.cli.sample.SamplePayment;
import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.topic.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes the sample's reference data, then its payments, each when its event time comes, so the
 * services see a live stream at the sample's rate.
 */
final class SamplePublisher implements Runnable {

  private final Producer<String, byte[]> producer;
  private final PaymentStream stream;
  private final Clock clock;
  private final AtomicLong payments = new AtomicLong();
  private final AtomicLong incidentPayments = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback onFailure =
      (metadata, exception) -> {
        if (exception != null) {
          failure.compareAndSet(null, exception);
        }
      };
  private volatile boolean stopped;

  SamplePublisher(Producer<String, byte[]> producer, PaymentStream stream, Clock clock) {
    this.producer = producer;
    this.stream = stream;
    this.clock = clock;
  }

  /** Accounts and rule settings, flushed, so that the first payments already find them. */
  int publishReferenceData() {
    int count = 0;
    for (Account account : stream.accounts()) {
      send(FraudTopics.ACCOUNTS, account.accountId(), account, null);
      count++;
    }
    for (var setting : stream.ruleSettings().entrySet()) {
      send(FraudTopics.RULES, setting.getKey(), setting.getValue(), null);
      count++;
    }
    producer.flush();
    failure()
        .ifPresent(
            e -> {
              throw new IllegalStateException(
                  "Cannot publish the sample accounts: " + e.getMessage(), e);
            });
    return count;
  }

  @Override
  public void run() {
    try {
      while (!stopped && failure.get() == null) {
        SamplePayment payment = stream.next();
        Transaction transaction = payment.transaction();
        awaitTime(transaction.eventTime());
        if (stopped) {
          return;
        }
        send(FraudTopics.TRANSACTIONS, transaction.cardId(), transaction, transaction.eventTime());
        payments.incrementAndGet();
        if (payment.incident().isPresent()) {
          incidentPayments.incrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  void stop() {
    stopped = true;
  }

  long payments() {
    return payments.get();
  }

  long incidentPayments() {
    return incidentPayments.get();
  }

  Optional<Exception> failure() {
    return Optional.ofNullable(failure.get());
  }

  private void awaitTime(Instant due) throws InterruptedException {
    long wait = Duration.between(clock.instant(), due).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private <V> void send(Topic<String, V> topic, String key, V value, Instant time) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    Long timestamp = time == null ? null : time.toEpochMilli();
    producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key, bytes), onFailure);
  }
}
