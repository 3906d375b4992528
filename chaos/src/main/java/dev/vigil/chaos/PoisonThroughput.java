package dev.vigil.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The poison-pills scenario's cost check: how fast the service catches up on a backlog of events
 * with 1% bad copies among them, against the same size of backlog without, each measured twice in
 * turn (clean, poisoned, clean, poisoned) so that drift in the machine's load falls on both. The
 * poisoned rate must be at least {@value #MIN_RATIO} of the clean one.
 *
 * <p>Each backlog is sent while the service is stopped; the rate runs from when the service has
 * committed the first tenth of it (its start, group join and warm-up left out) until it has
 * committed all of it, and all it wrote to its repartition topics. The backlog's events come after
 * the verified workload's, so they are not part of the verification.
 */
final class PoisonThroughput {

  static final double MIN_RATIO = 0.95;

  private static final int BACKLOG = 20_000;
  private static final double WARM_UP = 0.1;
  private static final Duration POLL = Duration.ofMillis(100);

  private PoisonThroughput() {}

  /** Notes of the rates and the verdict, one failing if the poisoned rate falls short. */
  static List<String> measure(Run run, PoisonWorkload poison) throws InterruptedException {
    List<Double> clean = new ArrayList<>();
    List<Double> poisoned = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      clean.add(catchUp(run, poison::nextClean));
      poisoned.add(catchUp(run, poison::next));
    }
    double cleanRate = clean.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double poisonedRate = poisoned.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double ratio = poisonedRate / cleanRate;
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "%scatching up on %,d events: %,.0f events/s with 1%% bad copies (%s), %,.0f clean (%s),"
                + " %.2f of the clean rate (at least %.2f)",
            ratio >= MIN_RATIO ? "" : "FAILED: ",
            BACKLOG,
            poisonedRate,
            rates(poisoned),
            cleanRate,
            rates(clean),
            ratio,
            MIN_RATIO));
    return notes;
  }

  /** Stops the service, sends a backlog, restarts it and times the catch-up, in events/s. */
  private static double catchUp(Run run, Supplier<InputRecord> events) throws InterruptedException {
    run.service.stop();
    Set<String> topics = new HashSet<>();
    try (KafkaProducer<String, byte[]> producer = run.kafka.producer()) {
      for (int i = 0; i < BACKLOG; i++) {
        InputRecord record = events.get();
        topics.add(record.topic());
        producer.send(Feeder.toProducerRecord(record));
      }
      producer.flush();
    }
    String group = run.target.name();
    long backlog = run.kafka.lag(group, topics);
    run.service.start();
    long deadline = System.nanoTime() + Run.RECOVERY_LIMIT.toNanos();
    long warmedUp = (long) (backlog * (1 - WARM_UP));
    long lag = backlog;
    while (lag > warmedUp) {
      lag = awaitChange(run, group, topics, lag, deadline);
    }
    long from = System.nanoTime();
    long fromLag = lag;
    while (lag > 0) {
      lag = awaitChange(run, group, topics, lag, deadline);
    }
    // The input is committed once its records are handed on; a service with a repartition has
    // finished them only when the repartition topics are committed too.
    while (run.kafka.groupLag(group) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(run.target.name() + " never finished its backlog");
      }
      Thread.sleep(POLL.toMillis());
    }
    double seconds = (System.nanoTime() - from) / 1e9;
    return fromLag / Math.max(seconds, POLL.toMillis() / 1000.0);
  }

  private static long awaitChange(
      Run run, String group, Set<String> topics, long lag, long deadline)
      throws InterruptedException {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException(
          run.target.name() + " still had " + lag + " records to catch up on");
    }
    Thread.sleep(POLL.toMillis());
    return run.kafka.lag(group, topics);
  }

  private static String rates(List<Double> rates) {
    return String.join(
        ", ", rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList());
  }
}
