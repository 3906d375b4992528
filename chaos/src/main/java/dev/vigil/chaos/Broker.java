package dev.vigil.chaos;

import dev.vigil.localkafka.LocalKafkaProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The {@code local-kafka} broker the services run against, restartable on the same ports and data,
 * as an operator restarting a broker would.
 */
final class Broker implements AutoCloseable {

  private final Path dataDir;
  private final Path log;
  private final int port;
  private final int controllerPort;
  private LocalKafkaProcess process;
  private PrintWriter output;

  /**
   * @param log where the broker's output goes, appended across restarts
   */
  Broker(Path dataDir, Path log) {
    this.dataDir = dataDir;
    this.log = log;
    int[] ports = freePorts();
    this.port = ports[0];
    this.controllerPort = ports[1];
  }

  void start() {
    try {
      Files.createDirectories(log.getParent());
      output =
          new PrintWriter(
              Files.newBufferedWriter(
                  log,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND),
              true);
      process =
          LocalKafkaProcess.builder()
              .dataDir(dataDir)
              .port(port)
              .controllerPort(controllerPort)
              .partitions(KafkaAccess.PARTITIONS)
              .jvmArgs(List.of("-Xmx512m", "-XX:+UseSerialGC"))
              // After a SIGKILL the broker first recovers its logs, slowly on a busy machine.
              .startupTimeout(Duration.ofMinutes(3))
              .outputSink(output::println)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the broker", e);
    }
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  /** SIGTERM: the broker shuts down cleanly. */
  void stop() {
    process.stop();
    output.close();
  }

  /** SIGKILL: the broker recovers its logs on the next start. */
  void kill() {
    process.kill();
    output.close();
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
      output.close();
    }
  }

  private static int[] freePorts() {
    try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket second = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new int[] {first.getLocalPort(), second.getLocalPort()};
    } catch (IOException e) {
      throw new UncheckedIOException("No free local port", e);
    }
  }
}
