package dev.vigil.chaos;

import dev.vigil.localkafka.Directories;
import java.time.Duration;
import java.time.Instant;

/**
 * Scenario 2: the service is stopped gracefully and restarted, so it restores its state from the
 * local checkpoint; then stopped again, its state directory deleted, and restarted, so it rebuilds
 * the state from the changelog topics. Outputs must be exactly as recomputed either way; the run
 * notes each restore time against the size of the state.
 */
final class RestartAndWipe {

  static final String NAME = "restart-and-wipe";

  private static final long PROGRESS = 20;

  private RestartAndWipe() {}

  static ScenarioResult run(Run run) throws InterruptedException {
    run.startAndAwaitReady(run.service);
    run.feeder.start();
    for (boolean wipe : new boolean[] {false, true}) {
      run.awaitProgress(PROGRESS);
      run.service.stop();
      run.countKill();
      long stateBytes = Directories.sizeOf(run.service.stateDir());
      if (wipe) {
        Directories.delete(run.service.stateDir());
      }
      Instant restart = run.now();
      run.startAndAwaitReady(run.service);
      long committed = run.committed();
      run.await(
          () -> run.committed() > committed || run.feeder.finished(),
          Run.RECOVERY_LIMIT,
          "committing after the restart",
          run.service);
      Duration restore = run.since(restart);
      run.recovered(restore);
      run.note(
          (wipe ? "state deleted, rebuilt from the changelog" : "restored from the checkpoint")
              + ": "
              + stateBytes / 1024
              + " KiB of state, ready and committing "
              + restore.toSeconds()
              + " s after the restart");
    }
    return run.finish(NAME);
  }
}
