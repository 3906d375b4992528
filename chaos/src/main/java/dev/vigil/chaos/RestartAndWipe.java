package dev.vigil.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

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
      long stateBytes = size(run.service.stateDir());
      if (wipe) {
        delete(run.service.stateDir());
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

  private static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(RestartAndWipe::length).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure " + dir, e);
    }
  }

  private static long length(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      // RocksDB replaces files while it runs; one that is gone counts as empty.
      return 0;
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
