package dev.vigil.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalKafkaTest {

  @TempDir Path tempDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static BrokerSettings parse(String... args) {
    CommandLine commandLine = LocalKafka.commandLine();
    commandLine.parseArgs(args);
    LocalKafka command = commandLine.getCommand();
    return command.settings();
  }

  private int run(String... args) {
    return LocalKafka.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void shouldDefaultToPort9092AndTheVigilDataDir() {
    BrokerSettings settings = parse();

    assertThat(settings.host()).isEqualTo("localhost");
    assertThat(settings.port()).isEqualTo(9092);
    assertThat(settings.controllerPort()).isEqualTo(9093);
    assertThat(settings.partitions()).isEqualTo(3);
    assertThat(settings.dataDir()).isEqualTo(Path.of(".vigil/kafka").toAbsolutePath().normalize());
  }

  @Test
  void shouldPutTheControllerNextToAGivenPort() {
    assertThat(parse("--port", "19092").controllerPort()).isEqualTo(19093);
  }

  @Test
  void shouldUseTheGivenControllerPort() {
    assertThat(parse("--port", "19092", "--controller-port", "29093").controllerPort())
        .isEqualTo(29093);
  }

  @Test
  void shouldRejectTheSamePortForBrokerAndController() {
    int exitCode = run("--port", "19092", "--controller-port", "19092");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).startsWith("--controller-port must differ from --port (19092)");
  }

  @Test
  void shouldListenWithoutSecurityByDefault() {
    assertThat(parse().scram()).isNull();
  }

  @Test
  void shouldTakeTheSuperUserAndScramUsersWithSaslScram() {
    ScramSecurity scram =
        parse(
                "--sasl-scram",
                "--admin",
                "root=p=w",
                "--scram-user",
                "fraud=f-secret",
                "--scram-user",
                "vitals=v-secret")
            .scram();

    assertThat(scram.admin()).isEqualTo("root");
    assertThat(scram.adminPassword()).isEqualTo("p=w");
    assertThat(scram.users()).isEqualTo(Map.of("fraud", "f-secret", "vitals", "v-secret"));
  }

  @Test
  void shouldRejectScramUsersWithoutSaslScram() {
    int exitCode = run("--scram-user", "fraud=secret");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).startsWith("--scram-user needs --sasl-scram");
  }

  @Test
  void shouldExitWithOneClearLineWhenThePortIsTaken() throws IOException {
    Path dataDir = tempDir.resolve("kafka");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      int port = taken.getLocalPort();

      int exitCode = run("--port", String.valueOf(port), "--data-dir", dataDir.toString());

      assertThat(exitCode).isEqualTo(LocalKafka.EXIT_IN_USE);
      assertThat(err.toString())
          .isEqualTo(
              "Port "
                  + port
                  + " is already in use: is another Kafka broker running? Stop it, or pass"
                  + " --port / set KAFKA_BOOTSTRAP_SERVERS to use it."
                  + System.lineSeparator());
      assertThat(out.toString()).isEmpty();
      assertThat(dataDir).doesNotExist();
    }
  }

  @Test
  void shouldNameTheControllerPortWhenOnlyItIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      int controllerPort = taken.getLocalPort();
      int port = freePort();

      int exitCode =
          run(
              "--port",
              String.valueOf(port),
              "--controller-port",
              String.valueOf(controllerPort),
              "--data-dir",
              tempDir.toString());

      assertThat(exitCode).isEqualTo(LocalKafka.EXIT_IN_USE);
      assertThat(err.toString())
          .startsWith("Controller port " + controllerPort + " is already in use")
          .contains("--controller-port");
    }
  }

  /** An ephemeral port free right now; a neighbour of a taken port may belong to anyone. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      return probe.getLocalPort();
    }
  }
}
