package dev.vigil.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends a workload's events at a steady rate on a thread of its own, whatever happens to the
 * service meanwhile, and remembers where each landed for the verifier. Keeps event time at most a
 * minute ahead of the wall clock: services reject readings from the future.
 */
final class Feeder implements AutoCloseable {

  private static final Duration MAX_AHEAD = Duration.ofMinutes(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration HOLD_POLL = Duration.ofMillis(50);

  private final KafkaProducer<String, byte[]> producer;
  private final Workload workload;
  private final long total;
  private final int perSecond;
  private final Clock clock;
  private final List<SentRecord> sent = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile boolean held;
  private volatile boolean holding;
  private int referenceRecords;
  private volatile RuntimeException failure;

  Feeder(
      KafkaProducer<String, byte[]> producer,
      Workload workload,
      long total,
      int perSecond,
      Clock clock) {
    this.producer = producer;
    this.workload = workload;
    this.total = total;
    this.perSecond = perSecond;
    this.clock = clock;
    this.thread = new Thread(this::run, "chaos-feeder");
    thread.setDaemon(true);
  }

  /** Sends the reference data and waits until the broker has it all. */
  void sendReferenceData() {
    List<InputRecord> records = workload.referenceData();
    referenceRecords = records.size();
    List<Future<RecordMetadata>> futures = new ArrayList<>();
    for (InputRecord record : records) {
      futures.add(producer.send(toProducerRecord(record)));
    }
    for (int i = 0; i < records.size(); i++) {
      RecordMetadata metadata = await(futures.get(i));
      synchronized (sent) {
        sent.add(new SentRecord(records.get(i), metadata.partition()));
      }
    }
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      long begin = System.nanoTime();
      List<InputRecord> batch = new ArrayList<>();
      List<Future<RecordMetadata>> futures = new ArrayList<>();
      for (long i = 0; i < total && !stopped; i++) {
        if (held) {
          send(batch, futures);
          holding = true;
          while (held && !stopped) {
            pause(HOLD_POLL.toMillis());
          }
          holding = false;
        }
        InputRecord record = workload.next();
        long due = begin + i * 1_000_000_000L / perSecond;
        pause(Math.max(0, due - System.nanoTime()) / 1_000_000);
        Instant latest = clock.instant().plus(MAX_AHEAD);
        if (record.timestamp().isAfter(latest)) {
          pause(Duration.between(latest, record.timestamp()).toMillis());
        }
        batch.add(record);
        futures.add(producer.send(toProducerRecord(record)));
        if (batch.size() >= perSecond / 10 + 1 || i == total - 1) {
          send(batch, futures);
        }
      }
    } catch (RuntimeException e) {
      if (!stopped) {
        failure = e;
      }
    }
  }

  private void send(List<InputRecord> batch, List<Future<RecordMetadata>> futures) {
    producer.flush();
    for (int j = 0; j < batch.size(); j++) {
      RecordMetadata metadata = await(futures.get(j));
      synchronized (sent) {
        sent.add(new SentRecord(batch.get(j), metadata.partition()));
      }
    }
    batch.clear();
    futures.clear();
  }

  /**
   * Stops sending until {@link #release()}, and returns once every record sent so far is
   * acknowledged (or the workload is all sent). Sending then catches up with its schedule.
   */
  void hold() throws InterruptedException {
    held = true;
    while (!holding && thread.isAlive()) {
      Thread.sleep(HOLD_POLL.toMillis());
    }
  }

  void release() {
    held = false;
  }

  /** How many events (not reference data) the broker has acknowledged so far. */
  long eventsSent() {
    synchronized (sent) {
      return sent.size() - referenceRecords;
    }
  }

  boolean finished() {
    return !thread.isAlive();
  }

  /**
   * Waits until every record is sent, and returns them all, reference data first, in the order they
   * were sent.
   */
  List<SentRecord> awaitAll(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      throw new IllegalStateException("The feeder did not finish within " + timeout);
    }
    if (failure != null) {
      throw new IllegalStateException("The feeder failed", failure);
    }
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  static ProducerRecord<String, byte[]> toProducerRecord(InputRecord record) {
    return new ProducerRecord<>(
        record.topic(), null, record.timestamp().toEpochMilli(), record.key(), record.value());
  }

  private static RecordMetadata await(Future<RecordMetadata> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("A workload record was not sent", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending", e);
    }
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while pacing", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    // Without waiting: after a failed run the broker may be gone, and closing fails the sends
    // the feeding thread waits for, so it ends too.
    producer.close(Duration.ZERO);
    thread.join(CLOSE_TIMEOUT.toMillis());
  }
}
