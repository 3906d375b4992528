package dev.vigil.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.VigilCli;
import dev.vigil.cli.Workspace;
import dev.vigil.cli.demo.TopicSetup;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.testing.TestKafkaBroker;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.simulator.label.LabelTopics;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./vigil simulate against a real (embedded KRaft) broker on which no topic exists yet. */
@Timeout(120)
class SimulateCommandIntegrationTest {

  private static TestKafkaBroker broker;

  @TempDir Path home;

  @BeforeAll
  static void startBroker() {
    broker = TestKafkaBroker.started(1);
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void shouldCreateTheTopicsAndPublishReferenceDataThenEventsAndLabelsForAWhile() throws Exception {
    Path heartbeat = home.resolve("sample.heartbeat");
    StringWriter err = new StringWriter();
    CommandLine cli =
        VigilCli.commandLine(
            new Workspace(home),
            Clock.systemUTC(),
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    cli.setErr(new PrintWriter(err, true));

    int exitCode =
        cli.execute(
            "simulate",
            "--bootstrap-servers",
            broker.getBrokersAsString(),
            // Two patients' four hours and two sensors' 15 minutes of history (1,140 readings) are
            // due at once: the count goes beyond them, so that every stream has published.
            "--entities",
            "2",
            "--count",
            "1300",
            "--heartbeat-file",
            heartbeat.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(err.toString()).contains("Simulate: published", "Simulate: stopped after");
    assertThat(Long.parseLong(Files.readString(heartbeat).strip())).isPositive();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(
                  List.of(
                      FraudTopics.TRANSACTIONS.name(),
                      FraudTopics.ACCOUNTS.name(),
                      VitalsTopics.PATIENTS.name(),
                      LabelTopics.FRAUD.name(),
                      "fraud-detection-service.dlq"))
              .allTopicNames()
              .get();
      assertThat(topics.values())
          .allSatisfy(t -> assertThat(t.partitions()).hasSize(TopicSetup.PARTITIONS));
    }
    assertThat(records(FraudTopics.ACCOUNTS.name())).isPositive();
    assertThat(records(VitalsTopics.PATIENTS.name())).isPositive();
    assertThat(records(FraudTopics.TRANSACTIONS.name())).isPositive();
    // The run's record when it started and when it ended, and the first incidents.
    assertThat(records(LabelTopics.FRAUD.name())).isGreaterThan(2);
  }

  @Test
  void shouldEvaluateTheLatestRunAndWriteTheTableAsMarkdownAndJson() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        VigilCli.commandLine(
            new Workspace(home),
            Clock.systemUTC(),
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String kafka = broker.getBrokersAsString();

    int simulated =
        cli.execute("simulate", "--bootstrap-servers", kafka, "--domain", "fraud", "--count", "50");
    int evaluated =
        cli.execute("evaluate", "--bootstrap-servers", kafka, "--output", home.toString());

    assertThat(simulated).as(err.toString()).isZero();
    assertThat(evaluated).as(err.toString()).isZero();
    // No service runs here: the incidents are there, and nothing detected them.
    assertThat(out.toString()).contains("fraud", "VELOCITY_BURST", "recall");
    assertThat(home.resolve("evaluation.md")).content().contains("| fraud | all |");
    assertThat(home.resolve("evaluation.json")).content().contains("\"incidentType\"");
  }

  private static long records(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
