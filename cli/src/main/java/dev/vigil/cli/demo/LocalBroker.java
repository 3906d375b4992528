package dev.vigil.cli.demo;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.KafkaConnection;
import dev.vigil.cli.UserException;
import dev.vigil.cli.Workspace;
import dev.vigil.cli.process.ChildProcess;
import dev.vigil.cli.process.LogTail;
import dev.vigil.cli.process.PidFile;
import dev.vigil.cli.process.Supervisor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Finds the Kafka the demo runs on: the cluster {@code $KAFKA_BOOTSTRAP_SERVERS} names, a broker
 * already serving on the local port, or else a local broker started for the demo.
 */
final class LocalBroker {

  static final int PORT = 9092;

  private static final String LOCAL = "localhost:" + PORT;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /** The broker flushes its logs and writes a clean-shutdown marker; that takes a few seconds. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Workspace workspace;
  private final Supervisor supervisor;
  private final Clock clock;
  private final PrintWriter err;

  LocalBroker(Workspace workspace, Supervisor supervisor, Clock clock, PrintWriter err) {
    this.workspace = workspace;
    this.supervisor = supervisor;
    this.clock = clock;
    this.err = err;
  }

  /**
   * @return the bootstrap servers of the Kafka to use
   */
  String ensure(Map<String, String> environment) throws InterruptedException {
    String configured = environment.get(BootstrapServers.VARIABLE);
    if (configured != null && !configured.isBlank()) {
      try (Admin admin = KafkaClients.admin(KafkaConnection.plain(configured))) {
        KafkaClients.requireReachable(admin, configured);
      }
      err.println("Kafka: " + configured + " (from $" + BootstrapServers.VARIABLE + ")");
      return configured;
    }
    try (Admin admin = KafkaClients.admin(KafkaConnection.plain(LOCAL))) {
      if (answers(admin)) {
        err.println(
            "Kafka: already running on " + LOCAL + "; using it (it keeps running after the demo)");
        return LOCAL;
      }
      if (PortProbe.inUse(PORT)) {
        throw new UserException(
            "Port "
                + PORT
                + " is in use by something that does not answer as Kafka. Stop it, or point the"
                + " demo at a cluster with $"
                + BootstrapServers.VARIABLE
                + ".");
      }
      start(admin);
      return LOCAL;
    }
  }

  private void start(Admin admin) throws InterruptedException {
    if (!Files.isRegularFile(workspace.brokerJar())) {
      throw new UserException(
          "No local Kafka at "
              + workspace.brokerJar()
              + ". Build it with ./mvnw -B -DskipTests package (./vigil does that for you).");
    }
    ChildProcess broker =
        supervisor.start(
            new ChildProcess.Spec(
                Workspace.BROKER,
                List.of(
                    ChildProcess.javaCommand(),
                    "-jar",
                    workspace.brokerJar().toString(),
                    "--port",
                    Integer.toString(PORT),
                    "--data-dir",
                    workspace.brokerData().toString()),
                Map.of(),
                workspace.logFile(Workspace.BROKER),
                PidFile.in(workspace.pidsDir(), Workspace.BROKER),
                STOP_GRACE));
    err.print(
        "Kafka: starting on "
            + LOCAL
            + " (pid "
            + broker.pid()
            + ", log "
            + workspace.home().relativize(broker.log())
            + ")");
    err.flush();
    Instant started = clock.instant();
    Instant deadline = started.plus(READY_TIMEOUT);
    while (!answers(admin)) {
      if (!broker.isAlive() || clock.instant().isAfter(deadline)) {
        err.println();
        showLog(broker);
        throw new UserException(
            broker.isAlive()
                ? "Kafka did not come up within " + READY_TIMEOUT.toSeconds() + " s"
                : "Kafka exited while starting");
      }
      err.print('.');
      err.flush();
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    err.println(" ready in " + Duration.between(started, clock.instant()).toSeconds() + " s");
  }

  private void showLog(ChildProcess process) {
    err.println("Last lines of " + process.log() + ":");
    LogTail.lastLines(process.log(), 30).forEach(line -> err.println("  " + line));
  }

  private static boolean answers(Admin admin) throws InterruptedException {
    return KafkaClients.brokers(admin, PROBE_TIMEOUT).isPresent();
  }
}
