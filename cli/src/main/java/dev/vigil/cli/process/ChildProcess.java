package dev.vigil.cli.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process this CLI started: its output written to a log file, its pid recorded in a pid file for
 * as long as it runs, so that {@code vigil down} can find it from another shell.
 */
public final class ChildProcess {

  private final String name;
  private final Process process;
  private final Path log;
  private final PidFile pidFile;
  private final Duration stopGrace;

  private ChildProcess(
      String name, Process process, Path log, PidFile pidFile, Duration stopGrace) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pidFile = pidFile;
    this.stopGrace = stopGrace;
  }

  /** What to run, and where its traces go. */
  public record Spec(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path log,
      PidFile pidFile,
      Duration stopGrace) {

    public Spec {
      command = List.copyOf(command);
      environment = Map.copyOf(environment);
    }
  }

  public static ChildProcess start(Spec spec) {
    try {
      keepPreviousLog(spec.log());
      ProcessBuilder builder =
          new ProcessBuilder(ownSession(spec.command()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(spec.log().toFile()));
      builder.environment().putAll(spec.environment());
      Process process = builder.start();
      spec.pidFile().write(process.pid());
      return new ChildProcess(spec.name(), process, spec.log(), spec.pidFile(), spec.stopGrace());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Each run starts a fresh log, so that the end of a log is always this run's; the run before is
   * kept beside it, for a look at what happened before a restart.
   */
  private static void keepPreviousLog(Path log) throws IOException {
    Files.createDirectories(log.getParent());
    if (Files.exists(log)) {
      Files.move(
          log,
          log.resolveSibling(log.getFileName() + ".previous"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The java binary running this CLI, so children run on the same Java whatever is first on the
   * PATH.
   */
  public static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /**
   * Stops the process (SIGTERM, then SIGKILL after the grace period) and removes its pid file.
   *
   * @return whether it had to be killed
   */
  public boolean stop() {
    boolean killed = Processes.stop(process.toHandle(), stopGrace);
    pidFile.delete();
    return killed;
  }

  /**
   * Runs the command in a session of its own where {@code setsid} exists: Ctrl-C in the terminal
   * then reaches only the CLI, which stops the services before the broker they need to shut down
   * cleanly. Without it, the terminal would signal all of them at once.
   */
  private static List<String> ownSession(List<String> command) {
    Optional<Path> setsid = onPath("setsid");
    if (setsid.isEmpty()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(command.size() + 1);
    wrapped.add(setsid.get().toString());
    wrapped.addAll(command);
    return wrapped;
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
