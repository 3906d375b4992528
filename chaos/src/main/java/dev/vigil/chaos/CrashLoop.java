package dev.vigil.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Scenario 1: the service is killed with SIGKILL again and again while the workload flows, at least
 * once while a transaction is open, and restarted on its state each time; afterwards every
 * committed output must be exactly what the verifier recomputes.
 */
final class CrashLoop {

  static final String NAME = "crash-loop";

  /** Outputs the service must commit after each (re)start before it is killed again. */
  private static final long PROGRESS = 20;

  /**
   * Extra kills allowed when none of the planned ones aborted a transaction. A kill that sees a
   * transaction open can still land after the commit was requested, and the coordinator then
   * completes the commit: only aborted output records prove a transaction was cut short.
   */
  private static final int EXTRA_KILLS = 3;

  private CrashLoop() {}

  static ScenarioResult run(Run run) throws InterruptedException {
    Random random = new Random(run.settings.seed());
    run.startAndAwaitReady(run.service);
    run.feeder.start();
    Instant feeding = run.now();
    Duration spacing = run.settings.duration().dividedBy(run.settings.kills() + 1);
    int planned = run.settings.kills();
    for (int kill = 1; kill <= planned + EXTRA_KILLS; kill++) {
      if (kill > planned
          && (run.killsInTransaction() > 0 && run.abortedOutputs() > 0 || run.feeder.finished())) {
        break;
      }
      // Kills spread over the run at seeded random moments, but never before the service has
      // done some work since its last start: a service killed while restoring proves less.
      Duration at =
          spacing.multipliedBy(kill).plusMillis(random.nextLong(spacing.toMillis() / 2 + 1));
      Duration wait = at.minus(run.since(feeding));
      if (!wait.isNegative()) {
        Thread.sleep(wait.toMillis());
      }
      run.awaitProgress(PROGRESS);
      run.killAndRestart(run.service);
    }
    return run.finish(NAME);
  }
}
