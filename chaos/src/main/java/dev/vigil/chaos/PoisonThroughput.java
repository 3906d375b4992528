package dev.vigil.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The poison-pills scenario's cost check: how fast the service catches up on a backlog of events
 * with 1% bad copies among them, against the same size of backlog without. The backlogs run clean,
 * poisoned, poisoned, clean, so that a drift in the rate (the machine's load) falls on both kinds
 * alike; the poisoned runs' mean rate must be at least {@value #MIN_RATIO} of the clean runs'.
 *
 * <p>Before them, clean backlogs are caught up untimed until two in a row run at rates within
 * {@value #STEADY} of each other (at most {@value #MAX_WARM_UPS}): a service's state grows with the
 * first backlogs of the small workload (every card's history fills up to its bound) and its rate
 * falls until it is full, by more than half for fraud, a drift that no order of the measured runs
 * would cancel.
 *
 * <p>Each backlog is sent while the service is stopped; the rate runs from when the service has
 * committed the first tenth of it (its start, group join and warm-up left out) until it has
 * committed all of it, and all it wrote to its repartition topics. The backlog's events come after
 * the verified workload's, so they are not part of the verification.
 */
final class PoisonThroughput {

  static final double MIN_RATIO = 0.95;

  /**
   * How far back the workload's event time starts when the check runs. The backlogs are hundreds of
   * thousands of events, and a ward of 40 patients read every 30 s makes 4,800 an hour: they span
   * days of event time, which must stay in the past (the broker refuses timestamps more than an
   * hour ahead, the services readings from the future) yet within a week (the broker's retention).
   */
  static final Duration EVENT_TIME = Duration.ofDays(3);

  /** Whether each backlog in turn has bad copies: mirrored, so that a linear drift cancels out. */
  private static final List<Boolean> POISONED = List.of(false, true, true, false);

  private static final double STEADY = 0.1;
  private static final int MAX_WARM_UPS = 3;
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
    List<Double> warmUps = new ArrayList<>(List.of(catchUp(run, poison::nextClean, backlog)));
    while (warmUps.size() < MAX_WARM_UPS && !steady(warmUps)) {
      warmUps.add(catchUp(run, poison::nextClean, backlog));
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
            "%scatching up on %,d events, after warming up at %s events/s: clean, poisoned,"
                + " poisoned, clean: %s events/s; with 1%% bad copies %.2f of the clean rate (at"
                + " least %.2f)",
            ratio >= MIN_RATIO ? "" : "FAILED: ",
            backlog,
            rates(warmUps),
            rates(rates),
            ratio,
            MIN_RATIO));
    return notes;
  }

  /** Stops the service, sends a backlog, restarts it and times the catch-up, in events/s. */
  private static double catchUp(Run run, Supplier<InputRecord> events, int size)
      throws InterruptedException {
    run.service.stop();
    Set<String> topics = new HashSet<>();
    AtomicReference<Exception> refused = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer = run.kafka.producer()) {
      for (int i = 0; i < size; i++) {
        InputRecord record = events.get();
        topics.add(record.topic());
        producer.send(
            Feeder.toProducerRecord(record),
            (metadata, error) -> {
              if (error != null) {
                refused.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    }
    if (refused.get() != null) {
      throw new IllegalStateException(
          "The broker refused the backlog for " + run.target.name(), refused.get());
    }
    String group = run.target.name();
    // A backlog may update a global table too (a product's stock), which the group never commits.
    topics.retainAll(run.kafka.consumedTopics(group));
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

  private static boolean steady(List<Double> rates) {
    if (rates.size() < 2) {
      return false;
    }
    double last = rates.get(rates.size() - 1);
    double before = rates.get(rates.size() - 2);
    return Math.abs(last - before) <= STEADY * before;
  }

  private static String rates(List<Double> rates) {
    return String.join(
        ", ", rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList());
  }

  private static double mean(List<Double> rates) {
    return rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
