package dev.vigil.cli.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping processes politely, and recognising our own among the machine's. */
public final class Processes {

  /** After SIGKILL the kernel reaps at once; this only bounds the wait for it to be reported. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private Processes() {}

  /**
   * SIGTERM, so the process can shut down cleanly (Kafka Streams commits and closes its stores, the
   * broker flushes its logs); SIGKILL if it has not exited after {@code grace}.
   *
   * @return whether it had to be killed
   */
  public static boolean stop(ProcessHandle process, Duration grace) {
    if (!process.isAlive()) {
      return false;
    }
    process.destroy();
    if (awaitExit(process, grace)) {
      return false;
    }
    process.destroyForcibly();
    awaitExit(process, KILL_WAIT);
    return true;
  }

  /**
   * The live process with this pid if it runs {@code jar}: a pid file can outlive its process, and
   * the system may have given the pid to something else since.
   */
  public static Optional<ProcessHandle> running(long pid, Path jar) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> runs(p, jar));
  }

  /** Where the system does not tell a process's arguments, it is taken to be ours. */
  private static boolean runs(ProcessHandle process, Path jar) {
    return process
        .info()
        .commandLine()
        .map(line -> line.contains(jar.getFileName().toString()))
        .orElse(true);
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
