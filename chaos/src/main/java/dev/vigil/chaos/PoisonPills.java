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
 * nested JSON, NaN, times far in the future and the past) mixed into the workload at 1%. Every bad
 * record must land on the dead-letter topic with a reason, every good one be processed exactly as
 * recomputed, and no stream thread die; and the service must catch up on a poisoned backlog nearly
 * as fast as on a clean one ({@link PoisonThroughput}).
 */
final class PoisonPills {

  static final String NAME = "poison-pills";
  static final double PROBABILITY = 0.01;

  private static final Duration DEAD_LETTER_LIMIT = Duration.ofMinutes(2);

  private PoisonPills() {}

  static ScenarioResult run(Run run) throws InterruptedException {
    PoisonWorkload poison = (PoisonWorkload) run.workload;
    run.startAndAwaitReady(run.service);
    Optional<Integer> threads = run.service.streamThreads();
    run.feeder.start();
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
        (found[0] == sentBad && found[1] == 0 ? "" : "FAILED: ")
            + found[0]
            + " of "
            + sentBad
            + " bad records on the dead-letter topic, "
            + found[1]
            + " of them without a reason");
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

  /** How many of the bad records are dead-lettered, and how many of those have no reason. */
  private static long[] deadLettered(Run run, Map<ByteBuffer, Integer> bad) {
    Map<ByteBuffer, Integer> remaining = new HashMap<>(bad);
    long found = 0;
    long withoutReason = 0;
    for (KafkaAccess.DeadLetter letter : run.kafka.readDeadLetters(run.target.deadLetterTopic())) {
      ByteBuffer value = ByteBuffer.wrap(letter.value());
      // Dead letters are written outside the transaction: after a crash one may appear twice.
      if (remaining.getOrDefault(value, 0) > 0) {
        remaining.merge(value, -1, Integer::sum);
        found++;
        if (letter.reason() == null || letter.reason().isBlank()) {
          withoutReason++;
        }
      }
    }
    return new long[] {found, withoutReason};
  }
}
