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
 * with 1% bad copies among them, against the same size of backlog without. The backlogs run clean,
 * poisoned, poisoned, clean, so that a drift in the rate (the machine's load, the state growing
 * with every backlog) falls on both kinds alike; the poisoned runs' mean rate must be at least
 * {@value #MIN_RATIO} of the clean runs'.
 *
 * <p>Each backlog is sent while the service is stopped; the rate runs from when the service has
 * committed the first tenth of it (its start, group join and warm-up left out) until it has
 * committed all of it, and all it wrote to its repartition topics. The backlog's events come after
 * the verified workload's, so they are not part of the verification.
 */
final class PoisonThroughput {

  static final double MIN_RATIO = 0.95;

  /** Whether each backlog in turn has bad copies: mirrored, so that a linear drift cancels out. */
  private static final List<Boolean> POISONED = List.of(false, true, true, false);

  private static final double WARM_UP = 0.1;
  private static final Duration POLL = Duration.ofMillis(100);

  private PoisonThroughput() {}

  /**
   * Notes of the rates and the verdict, one failing if the poisoned rate falls short; none when the
   * settings skip the check.
   */
  static List<String> measure(Run run, PoisonWorkload poison) throws InterruptedException {
    int backlog = run.settings.backlog();
    if (backlog == 0) {
      return List.of();
    }
    List<Double> rates = new ArrayList<>();
    List<Double> clean = new ArrayList<>();
    List<Double> poisoned = new ArrayList<>();
    for (boolean bad : POISONED) {
      double rate = catchUp(run, bad ? poison::next : poison::nextClean, backlog);
      rates.add(rate);
      (bad ? poisoned : clean).add(rate);
    }
    double ratio = mean(poisoned) / mean(clean);
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "%scatching up on %,d events, clean, poisoned, poisoned, clean: %s events/s; with 1%%"
                + " bad copies %.2f of the clean rate (at least %.2f)",
            ratio >= MIN_RATIO ? "" : "FAILED: ",
            backlog,
            String.join(
                ", ", rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList()),
            ratio,
            MIN_RATIO));
    return notes;
  }

  /** Stops the service, sends a backlog, restarts it and times the catch-up, in events/s. */
  private static double catchUp(Run run, Supplier<InputRecord> events, int size)
      throws InterruptedException {
    run.service.stop();
    Set<String> topics = new HashSet<>();
    try (KafkaProducer<String, byte[]> producer = run.kafka.producer()) {
      for (int i = 0; i < size; i++) {
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

  private static double mean(List<Double> rates) {
    return rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
