package dev.vigil.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One instance of a service, run from its packaged jar as a process of its own, so that a SIGKILL
 * is a real crash: no shutdown hook, no flush, no commit. Restarting keeps the port and the state
 * directory, as a supervisor restarting a crashed instance would.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  private static final Pattern THREADS = Pattern.compile("\"threads\"\\s*:\\s*(\\d+)");

  /** What the services log when a stream thread dies and is replaced. */
  private static final String THREAD_DIED = "Stream thread failed";

  private final Path jar;
  private final int port;
  private final Path stateDir;
  private final Path log;
  private final String bootstrapServers;
  private final List<String> arguments;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
  private Process process;

  /** Ends the instance with this JVM, so an interrupted run leaves no service behind. */
  private final Thread reaper =
      new Thread(
          () -> {
            if (isAlive()) {
              process.toHandle().destroyForcibly();
            }
          },
          "chaos-service-reaper");

  private boolean reaperRegistered;

  ServiceProcess(
      Path jar, Path stateDir, Path log, String bootstrapServers, List<String> arguments) {
    this.jar = jar;
    this.port = freePort();
    this.stateDir = stateDir;
    this.log = log;
    this.bootstrapServers = bootstrapServers;
    this.arguments = List.copyOf(arguments);
  }

  void start() {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No " + jar + ": build it with ./mvnw -DskipTests package");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Two cores are shared by the broker, the driver and up to two instances: one GC thread each.
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    builder.environment().put("VIGIL_STATE_DIR", stateDir.toString());
    builder.environment().remove("SPRING_PROFILES_ACTIVE");
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
      if (!reaperRegistered) {
        Runtime.getRuntime().addShutdownHook(reaper);
        reaperRegistered = true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + jar, e);
    }
  }

  /** SIGKILL, as the kernel's OOM killer or a pulled plug would stop it. */
  void kill() {
    process.toHandle().destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: Spring's graceful shutdown, Kafka Streams commits and closes its stores. */
  void stop() {
    process.toHandle().destroy();
    if (!waitFor(STOP_GRACE)) {
      kill();
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  int port() {
    return port;
  }

  Path stateDir() {
    return stateDir;
  }

  Path log() {
    return log;
  }

  /** {@code GET /actuator/health/readiness} answered 200: Kafka Streams is RUNNING. */
  boolean ready() {
    return get("/actuator/health/readiness").map(r -> r.statusCode() == 200).orElse(false);
  }

  /** The live stream threads, as the readiness health reports them. */
  Optional<Integer> streamThreads() {
    return get("/actuator/health/readiness")
        .map(r -> THREADS.matcher(r.body()))
        .filter(Matcher::find)
        .map(m -> Integer.valueOf(m.group(1)));
  }

  /** How often a stream thread died in this instance, as its log says. */
  long threadDeaths() {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(line -> line.contains(THREAD_DIED)).count();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + log, e);
    }
  }

  /** An HTTP GET on the instance, or empty if it does not answer. */
  Optional<HttpResponse<String>> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(HTTP_TIMEOUT)
            .GET()
            .build();
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private void awaitExit() {
    if (!waitFor(STOP_GRACE)) {
      throw new IllegalStateException("Process " + process.pid() + " did not exit");
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  @Override
  public void close() {
    if (isAlive()) {
      stop();
    }
    if (reaperRegistered) {
      Runtime.getRuntime().removeShutdownHook(reaper);
      reaperRegistered = false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free local port", e);
    }
  }
}
