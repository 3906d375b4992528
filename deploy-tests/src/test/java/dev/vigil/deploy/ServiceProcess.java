package dev.vigil.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process this test started, with its output in a file; closing it stops it. */
final class ServiceProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;

  private ServiceProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts the command in a clean environment: only the given variables, and PATH. */
  static ServiceProcess start(
      List<String> command, Map<String, String> environment, Path workingDirectory, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    String path = builder.environment().get("PATH");
    builder.environment().clear();
    builder.environment().put("PATH", path);
    builder.environment().putAll(environment);
    return new ServiceProcess(builder.start(), log);
  }

  /** A port free right now, for a process to listen on. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The path of this JVM's java, to start others with the same. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of its output, for a failure message. */
  String lastLines(int count) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Runs a short command to its end and returns its exit code. */
  static int run(List<String> command, Duration timeout) throws IOException, InterruptedException {
    return run(command, ProcessBuilder.Redirect.DISCARD, timeout);
  }

  /** As {@link #run(List, Duration)}, keeping its output in a file. */
  static int run(List<String> command, Path log, Duration timeout)
      throws IOException, InterruptedException {
    return run(command, ProcessBuilder.Redirect.to(log.toFile()), timeout);
  }

  private static int run(List<String> command, ProcessBuilder.Redirect output, Duration timeout)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectErrorStream(true)
            .redirectOutput(output)
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
