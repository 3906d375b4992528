package dev.vigil.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Scenario 3: the broker is stopped cleanly and later killed with SIGKILL while the workload flows,
 * and restarted each time. The service must ride through without a restart of its own: readiness
 * goes DOWN while the broker is away and UP again after, it keeps its stream threads, and nothing
 * is lost or duplicated.
 */
final class BrokerRestart {

  static final String NAME = "broker-restart";

  private static final long PROGRESS = 20;
  private static final Duration DOWN_LIMIT = Duration.ofSeconds(60);

  private BrokerRestart() {}

  static ScenarioResult run(Run run) throws InterruptedException {
    run.startAndAwaitReady(run.service);
    Optional<Integer> threads = run.service.streamThreads();
    run.feeder.start();
    for (boolean clean : new boolean[] {true, false}) {
      run.awaitProgress(PROGRESS);
      long committed = run.committed();
      Instant outage = run.now();
      if (clean) {
        run.broker.stop();
      } else {
        run.broker.kill();
      }
      run.countKill();
      run.log("broker " + (clean ? "stopped (SIGTERM)" : "killed (SIGKILL)"));
      boolean wentDown = awaitNotReady(run);
      run.note(
          (wentDown ? "" : "FAILED: ")
              + "readiness "
              + (wentDown ? "went DOWN" : "stayed UP")
              + " while the broker was "
              + (clean ? "stopped" : "killed"));
      run.broker.start();
      run.await(
          () -> run.service.ready() && (run.committed() > committed || run.feeder.finished()),
          Run.RECOVERY_LIMIT,
          "ready and committing after the broker's restart",
          run.service);
      run.recovered(run.since(outage));
      run.log("ready again " + run.since(outage).toSeconds() + " s after the outage began");
    }
    Optional<Integer> threadsAfter = run.service.streamThreads();
    run.note(
        (threads.isPresent() && threads.equals(threadsAfter) ? "" : "FAILED: ")
            + "stream threads before and after: "
            + threads.map(String::valueOf).orElse("?")
            + ", "
            + threadsAfter.map(String::valueOf).orElse("?")
            + "; the service process was never restarted");
    return run.finish(NAME);
  }

  private static boolean awaitNotReady(Run run) throws InterruptedException {
    Instant deadline = run.now().plus(DOWN_LIMIT);
    while (run.now().isBefore(deadline)) {
      if (!run.service.ready()) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }
}
