package dev.vigil.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Scenario 6: an output topic is deleted while the workload flows, and created again later. The
 * {@code local-kafka} broker creates no topic on demand, so the topic stays absent until then.
 * While it is absent the failure must show in readiness and in the log, naming the topic; once it
 * is back the service must carry on, and the verifier must find nothing missing or duplicated. A
 * commit of input whose outputs were never written would show as a missing output.
 *
 * <p>The deleted topic's records go with it. To tell them from lost ones, the workload is held for
 * the moment of the deletion: once the service has committed everything, the topic is read, then
 * deleted, and the workload resumes; the verifier counts what was read as committed outputs.
 */
final class AbsentOutput {

  static final String NAME = "absent-output";

  private static final long PROGRESS = 20;

  /**
   * How long the topic stays absent at most: readiness must go DOWN well before, when a stream
   * thread has not polled for half a minute.
   */
  private static final Duration OUTAGE = Duration.ofSeconds(90);

  /** How long the topic stays absent after readiness went DOWN. */
  private static final Duration DOWN_HOLD = Duration.ofSeconds(5);

  /** How long the service must have been done with its input before the topic is deleted. */
  private static final Duration QUIET = Duration.ofSeconds(3);

  /** Log messages quoted in the notes are cut here. */
  private static final int MAX_LINE = 300;

  private static final Duration SAMPLE = Duration.ofMillis(500);

  private AbsentOutput() {}

  static ScenarioResult run(Run run) throws InterruptedException {
    String topic = run.target.outputTopics().get(0);
    run.startAndAwaitReady(run.service);
    run.feeder.start();
    run.awaitProgress(PROGRESS);
    run.feeder.hold();
    awaitQuiet(run);
    List<OutputRecord> before = run.kafka.readCommitted(topic);
    run.keepDeleted(topic, before);
    long logStart = size(run);
    long committedInput = run.kafka.groupOffsets(run.target.name());
    Instant outage = run.now();
    run.kafka.deleteTopic(topic);
    run.feeder.release();
    run.countKill();
    run.log(topic + " deleted after " + before.size() + " committed outputs; workload resumed");

    Optional<Duration> down = Optional.empty();
    while (run.since(outage).compareTo(OUTAGE) < 0
        && !(down.isPresent() && run.since(outage).minus(down.get()).compareTo(DOWN_HOLD) >= 0)) {
      if (down.isEmpty() && !run.service.ready()) {
        down = Optional.of(run.since(outage));
        run.log(
            "readiness DOWN: "
                + run.service.get("/actuator/health/readiness").map(r -> r.body()).orElse("-"));
      }
      Thread.sleep(SAMPLE.toMillis());
    }
    run.note(
        (down.isPresent() ? "" : "FAILED: ")
            + "readiness "
            + down.map(d -> "went DOWN " + d.toSeconds() + " s after")
                .orElse("stayed UP for " + OUTAGE.toSeconds() + " s after")
            + " the topic was deleted");
    run.note(
        "input offsets committed while the topic was absent: "
            + (run.kafka.groupOffsets(run.target.name()) - committedInput)
            + " (of transactions that wrote nothing to it)");
    Optional<String> line = logLineNaming(run, logStart, topic);
    run.note(
        line.map(l -> "the log names the problem: " + l)
            .orElse("FAILED: no log line names " + topic));

    run.kafka.createTopics(List.of(topic), List.of());
    run.kafka.awaitLeaders(List.of(topic));
    run.log(topic + " created again");
    Instant restored = run.now();
    run.await(
        () -> run.service.ready() && run.committed() > 0,
        Run.RECOVERY_LIMIT,
        "ready and committing after the topic was created again",
        run.service);
    run.recovered(run.since(restored));
    run.log("ready and committing " + run.since(restored).toSeconds() + " s after");
    return run.finish(NAME);
  }

  /**
   * Waits until the service is done with the input sent so far: no transaction open on its outputs,
   * and neither its input offsets nor its outputs moving for a while, although it commits every 100
   * ms while it has input to process.
   */
  private static void awaitQuiet(Run run) throws InterruptedException {
    long[] last = {-1, -1};
    Instant[] since = {run.now()};
    run.await(
        () -> {
          long input = run.kafka.groupOffsets(run.target.name());
          long outputs = run.committed();
          if (input != last[0]
              || outputs != last[1]
              || run.kafka.transactionOpen(run.target.outputTopics())) {
            last[0] = input;
            last[1] = outputs;
            since[0] = run.now();
          }
          return run.since(since[0]).compareTo(QUIET) >= 0;
        },
        Run.RECOVERY_LIMIT,
        "done with the input sent so far",
        run.service);
  }

  /**
   * A log line's level and message, without the time, thread and logger, and without the client's
   * name in brackets that Kafka's clients start their messages with.
   */
  private static String message(String line) {
    String level = line.contains(" ERROR ") ? "ERROR " : "WARN ";
    String message = line.substring(line.indexOf(" : ") + 3);
    if (message.startsWith("[") && message.contains("] ")) {
      message = message.substring(message.indexOf("] ") + 2);
    }
    return level + (message.length() > MAX_LINE ? message.substring(0, MAX_LINE) + "…" : message);
  }

  private static long size(Run run) {
    try {
      return Files.size(run.service.log());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + run.service.log(), e);
    }
  }

  /** The first warning or error the service logged since the offset that names the topic. */
  private static Optional<String> logLineNaming(Run run, long from, String topic) {
    try {
      byte[] all = Files.readAllBytes(run.service.log());
      String since = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
      return since
          .lines()
          .filter(l -> l.contains(topic) && (l.contains(" WARN ") || l.contains(" ERROR ")))
          .map(AbsentOutput::message)
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + run.service.log(), e);
    }
  }
}
