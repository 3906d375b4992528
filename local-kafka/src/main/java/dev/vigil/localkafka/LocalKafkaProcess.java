package dev.vigil.localkafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A {@link LocalKafka} broker running as a child process, for tests and tools that need a real
 * broker.
 *
 * <p>Only the JDK is needed on the caller's side: the broker runs from the executable jar (found by
 * {@link #locateJar()} unless given) or from a class path that holds Kafka's server. The child
 * stops by itself when this JVM dies, even by SIGKILL, so it never outlives a crashed test run.
 *
 * <pre>{@code
 * try (LocalKafkaProcess kafka = LocalKafkaProcess.builder().dataDir(tempDir).start()) {
 *   producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class LocalKafkaProcess implements AutoCloseable {

  /** System property naming the executable jar, for callers outside this repository's layout. */
  public static final String JAR_PROPERTY = "vigil.local-kafka.jar";

  private static final String MAIN_CLASS = "dev.vigil.localkafka.LocalKafka";
  private static final Path JAR_IN_REPOSITORY = Path.of("local-kafka", "target", "local-kafka.jar");
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

  private final Process process;
  private final OutputReader output;
  private final Thread outputThread;
  private final String bootstrapServers;
  private final Path dataDir;
  private final Duration stopTimeout;

  private LocalKafkaProcess(
      Process process,
      OutputReader output,
      Thread outputThread,
      String bootstrapServers,
      Path dataDir,
      Duration stopTimeout) {
    this.process = process;
    this.output = output;
    this.outputThread = outputThread;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
    this.stopTimeout = stopTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The executable jar: the {@value #JAR_PROPERTY} system property if set, else {@code
   * local-kafka/target/local-kafka.jar} in the working dir or the nearest parent that has one, so
   * that tests of any module in this repository find it.
   */
  public static Path locateJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    Path workingDir = Path.of("").toAbsolutePath();
    for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(JAR_IN_REPOSITORY);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "No "
            + JAR_IN_REPOSITORY
            + " in "
            + workingDir
            + " or its parents: build it with ./mvnw -pl local-kafka -am package, or set -D"
            + JAR_PROPERTY);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The broker's most recent output lines, stdout and stderr interleaved. */
  public List<String> output() {
    return output.recentLines();
  }

  /**
   * Stops the broker cleanly with SIGTERM, or with SIGKILL if it has not exited within the stop
   * timeout.
   *
   * @return the process exit code (143 after SIGTERM, 137 after SIGKILL)
   */
  public int stop() {
    // Through the handle, unlike Process.destroy, the pipes stay open: the broker must not see its
    // stdin close (it would exit 0 in a race with the signal), and its last lines must be read.
    process.toHandle().destroy();
    if (!awaitExit(stopTimeout)) {
      process.toHandle().destroyForcibly();
      awaitExit(KILL_TIMEOUT);
    }
    return exitCode();
  }

  /**
   * Kills the broker with SIGKILL, as a crash would: nothing is flushed or shut down cleanly.
   *
   * @return the process exit code (137)
   */
  public int kill() {
    process.toHandle().destroyForcibly();
    awaitExit(KILL_TIMEOUT);
    return exitCode();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private int exitCode() {
    if (process.isAlive()) {
      throw new IllegalStateException("Local Kafka (pid " + process.pid() + ") did not exit");
    }
    return process.exitValue();
  }

  private boolean awaitExit(Duration timeout) {
    try {
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (exited) {
        outputThread.join(OUTPUT_DRAIN_TIMEOUT.toMillis());
      }
      return exited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        // All sockets stay open until every port is chosen, so the ports differ.
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("No free local port", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing a socket that only reserved a port number cannot lose anything.
        }
      }
    }
  }

  /** Options of the child broker; port 0 (the default) picks free ports. */
  public static final class Builder {

    private Path jar;
    private String classpath;
    private String host = "localhost";
    private int port;
    private int controllerPort;
    private Path dataDir;
    private Integer partitions;
    private List<String> jvmArgs = List.of();
    private Duration startupTimeout = Duration.ofSeconds(60);
    private Duration stopTimeout = Duration.ofSeconds(30);
    private Consumer<String> outputSink = line -> {};
    private String scramAdmin;
    private final Map<String, String> scramUsers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Listen with SASL_PLAINTEXT and SCRAM-SHA-512 and enforce ACLs, with this super user; see
     * {@link ScramSecurity#clientProperties} for how clients log in.
     */
    public Builder saslScram(String admin, String adminPassword) {
      this.scramAdmin = admin + "=" + adminPassword;
      return this;
    }

    /** A SCRAM user, with {@link #saslScram}; the broker creates it when it starts. */
    public Builder scramUser(String name, String password) {
      scramUsers.put(name, password);
      return this;
    }

    /** Runs {@code java -jar jar}; the default, with {@link #locateJar()}. */
    public Builder jar(Path jar) {
      this.jar = jar;
      this.classpath = null;
      return this;
    }

    /** Runs the main class from this class path instead, which must hold Kafka's server. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      this.jar = null;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Defaults to a free port when the broker port is free-picked, else to the port + 1. */
    public Builder controllerPort(int controllerPort) {
      this.controllerPort = controllerPort;
      return this;
    }

    /** Required: where the broker keeps its configuration and data across restarts. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    public Builder jvmArgs(List<String> jvmArgs) {
      this.jvmArgs = List.copyOf(jvmArgs);
      return this;
    }

    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = startupTimeout;
      return this;
    }

    /** How long {@link #stop()} waits after SIGTERM before it sends SIGKILL. */
    public Builder stopTimeout(Duration stopTimeout) {
      this.stopTimeout = stopTimeout;
      return this;
    }

    /** Receives every output line of the broker, on a dedicated thread; it must not block. */
    public Builder outputSink(Consumer<String> outputSink) {
      this.outputSink = outputSink;
      return this;
    }

    List<String> command(int brokerPort, int brokerControllerPort) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmArgs);
      if (classpath != null) {
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
      } else {
        command.add("-jar");
        command.add((jar != null ? jar : locateJar()).toString());
      }
      command.addAll(List.of("--host", host, "--port", String.valueOf(brokerPort)));
      if (brokerControllerPort != 0) {
        command.addAll(List.of("--controller-port", String.valueOf(brokerControllerPort)));
      }
      command.addAll(List.of("--data-dir", dataDir.toAbsolutePath().toString()));
      if (partitions != null) {
        command.addAll(List.of("--partitions", String.valueOf(partitions)));
      }
      if (scramAdmin != null) {
        command.addAll(List.of("--sasl-scram", "--admin", scramAdmin));
        scramUsers.forEach(
            (name, password) -> command.addAll(List.of("--scram-user", name + "=" + password)));
      }
      command.add("--stop-with-parent");
      return command;
    }

    /**
     * Starts the broker and waits until it answers clients.
     *
     * @throws LocalKafkaStartException if it exits or is not ready within the startup timeout
     */
    public LocalKafkaProcess start() throws IOException {
      Objects.requireNonNull(dataDir, "dataDir is required");
      int brokerPort = port;
      int brokerControllerPort = controllerPort;
      if (brokerPort == 0) {
        int[] ports = freePorts(2);
        brokerPort = ports[0];
        brokerControllerPort = controllerPort == 0 ? ports[1] : controllerPort;
      }
      List<String> command = command(brokerPort, brokerControllerPort);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      OutputReader output = new OutputReader(process.getInputStream(), outputSink);
      Thread outputThread = new Thread(output, "local-kafka-output-" + process.pid());
      outputThread.setDaemon(true);
      outputThread.start();
      LocalKafkaProcess kafka =
          new LocalKafkaProcess(
              process,
              output,
              outputThread,
              host + ":" + brokerPort,
              dataDir.toAbsolutePath(),
              stopTimeout);
      awaitReady(kafka, output);
      return kafka;
    }

    private void awaitReady(LocalKafkaProcess kafka, OutputReader output) {
      boolean ready;
      try {
        ready = output.ready.get(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        kafka.kill();
        throw new LocalKafkaStartException(
            "Local Kafka was not ready within " + startupTimeout.toSeconds() + " s",
            null,
            output.recentLines());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kafka.kill();
        throw new LocalKafkaStartException(
            "Interrupted while starting local Kafka", null, output.recentLines());
      } catch (ExecutionException e) {
        throw new IllegalStateException("The output reader never fails its future", e);
      }
      if (!ready) {
        if (!kafka.awaitExit(stopTimeout)) {
          kafka.kill();
        }
        int exitCode = kafka.exitCode();
        throw new LocalKafkaStartException(
            "Local Kafka exited with code " + exitCode + " before it was ready",
            exitCode,
            output.recentLines());
      }
    }
  }

  /** Pumps the child's output, so that it never blocks on a full pipe, and spots readiness. */
  private static final class OutputReader implements Runnable {

    private static final int LINES_KEPT = 200;

    final CompletableFuture<Boolean> ready = new CompletableFuture<>();
    private final InputStream stream;
    private final Consumer<String> sink;
    private final Deque<String> recent = new ArrayDeque<>();

    OutputReader(InputStream stream, Consumer<String> sink) {
      this.stream = stream;
      this.sink = sink;
    }

    @Override
    public void run() {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          remember(line);
          sink.accept(line);
          if (line.startsWith(LocalKafka.READY_PREFIX)) {
            ready.complete(true);
          }
        }
      } catch (IOException e) {
        // The pipe breaks when the child is killed: that is the end of its output too.
      } finally {
        ready.complete(false);
      }
    }

    private synchronized void remember(String line) {
      if (recent.size() == LINES_KEPT) {
        recent.removeFirst();
      }
      recent.addLast(line);
    }

    synchronized List<String> recentLines() {
      return List.copyOf(recent);
    }
  }
}
