package dev.vigil.chaos;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 5: hostile records (random bytes, truncated JSON, a wrong type, a huge string, deeply
 * nested JSON, NaN, times far in the future and the past) mixed into the workload at 1%, while the
 * service is killed with SIGKILL and restarted as in the crash loop. Every bad record must land on
 * the dead-letter topic exactly once, with a reason (dead letters are written in the task's
 * transaction: an aborted one must not show, a replayed one must not show twice), every good one be
 * processed exactly as recomputed, and no stream thread die; and the service must catch up on a
 * poisoned backlog nearly as fast as on a clean one ({@link PoisonThroughput}).
 */
final class PoisonPills {

  static final String NAME = "poison-pills";
  static final double PROBABILITY = 0.01;

  private static final Duration DEAD_LETTER_LIMIT = Duration.ofMinutes(2);

  /** Outputs the service must commit after each (re)start before it is killed again. */
  private static final long PROGRESS = 20;

  private PoisonPills() {}

  static ScenarioResult run(Run run) throws InterruptedException {
    PoisonWorkload poison = (PoisonWorkload) run.workload;
    run.startAndAwaitReady(run.service);
    run.feeder.start();
    Instant feeding = run.now();
    Duration spacing = run.settings.duration().dividedBy(run.settings.kills() + 1);
    for (int kill = 1; kill <= run.settings.kills() && !run.feeder.finished(); kill++) {
      Duration at = spacing.multipliedBy(kill);
      run.await(
          () -> run.since(feeding).compareTo(at) >= 0 || run.feeder.finished(),
          run.settings.duration(),
          "at kill " + kill,
          run.service);
      run.awaitProgress(PROGRESS);
      run.killAndRestart(run.service);
    }
    // Stream threads counted after the last restart: each start has its own.
    Optional<Integer> threads = run.service.streamThreads();
    List<SentRecord> input = run.awaitInput();
    Map<ByteBuffer, Integer> bad = new HashMap<>();
    input.stream()
        .filter(s -> poison.isPoison(s.record()))
        .forEach(s -> bad.merge(ByteBuffer.wrap(s.record().value()), 1, Integer::sum));
    long sentBad = bad.values().stream().mapToInt(Integer::intValue).sum();

    Instant deadline = run.now().plus(DEAD_LETTER_LIMIT);
    long[] found = deadLettered(run, bad);
    while (found[0] < sentBad && run.now().isBefore(deadline)) {
      Thread.sleep(1000);
      found = deadLettered(run, bad);
    }
    run.note(
        (found[0] == sentBad && found[1] == 0 && found[2] == 0 ? "" : "FAILED: ")
            + found[0]
            + " of "
            + sentBad
            + " bad records on the dead-letter topic, "
            + found[1]
            + " of them without a reason, "
            + found[2]
            + " more than once, after "
            + run.kills()
            + " SIGKILLs");
    Optional<Integer> threadsAfter = run.service.streamThreads();
    long deaths = run.service.threadDeaths();
    run.note(
        (deaths == 0 && threads.isPresent() && threads.equals(threadsAfter) ? "" : "FAILED: ")
            + deaths
            + " stream threads died; threads before and after: "
            + threads.map(String::valueOf).orElse("?")
            + ", "
            + threadsAfter.map(String::valueOf).orElse("?"));
    ScenarioResult result = run.finish(NAME, sent -> !poison.isPoison(sent.record()));
    List<String> throughput = PoisonThroughput.measure(run, poison);
    throughput.forEach(run::log);
    return result.noting(throughput);
  }

  /**
   * How many of the bad records are dead-lettered, how many of those have no reason, and how many
   * dead letters are more copies of a bad record than were sent.
   */
  private static long[] deadLettered(Run run, Map<ByteBuffer, Integer> bad) {
    Map<ByteBuffer, Integer> remaining = new HashMap<>(bad);
    long found = 0;
    long withoutReason = 0;
    long duplicated = 0;
    for (KafkaAccess.DeadLetter letter : run.kafka.readDeadLetters(run.target.deadLetterTopic())) {
      ByteBuffer value = ByteBuffer.wrap(letter.value());
      if (remaining.getOrDefault(value, 0) > 0) {
        remaining.merge(value, -1, Integer::sum);
        found++;
        if (letter.reason() == null || letter.reason().isBlank()) {
          withoutReason++;
        }
      } else if (bad.containsKey(value)) {
        duplicated++;
      }
    }
    return new long[] {found, withoutReason, duplicated};
  }
}
