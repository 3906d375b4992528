package dev.vigil.chaos;

import dev.vigil.localkafka.LocalKafkaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code local-kafka} broker the services run against, restartable on the same ports and data,
 * as an operator restarting a broker would.
 */
final class Broker implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private LocalKafkaProcess process;

  Broker(Path dataDir) {
    this.dataDir = dataDir;
    int[] ports = freePorts();
    this.port = ports[0];
    this.controllerPort = ports[1];
  }

  void start() {
    try {
      process =
          LocalKafkaProcess.builder()
              .dataDir(dataDir)
              .port(port)
              .controllerPort(controllerPort)
              .partitions(KafkaAccess.PARTITIONS)
              .jvmArgs(List.of("-Xmx512m", "-XX:+UseSerialGC"))
              // After a SIGKILL the broker first recovers its logs, slowly on a busy machine.
              .startupTimeout(Duration.ofMinutes(3))
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
  }

  /** SIGKILL: the broker recovers its logs on the next start. */
  void kill() {
    process.kill();
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
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
