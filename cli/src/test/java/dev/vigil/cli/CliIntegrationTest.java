package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.testing.TestKafkaBroker;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands that talk to Kafka, against a real (embedded KRaft) broker. */
@Timeout(120)
class CliIntegrationTest {

  private static final Instant MORNING = Instant.parse("2025-03-14T09:00:00Z");
  private static final String DEAD_LETTERS = "fraud-detection-service.dlq";

  private static TestKafkaBroker broker;

  @TempDir Path home;

  @BeforeAll
  static void startBroker() {
    broker = TestKafkaBroker.started(3, FraudTopics.TRANSACTIONS.name(), DEAD_LETTERS);
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void shouldReadBackGoodAndMalformedLinesAsTheyWereProduced() {
    String input =
        String.join(
            "\n",
            json(payment("t-1", "c-0001-1")),
            "this is not json",
            "",
            "c-0009-1\t{\"transactionId\": \"t-broken\"",
            json(payment("t-2", "c-0002-1")));

    Result produced = run(input, "produce", FraudTopics.TRANSACTIONS.name());
    Result tailed =
        run("", "tail", FraudTopics.TRANSACTIONS.name(), "--from-beginning", "--max", "4");

    assertThat(produced.exitCode()).isZero();
    assertThat(produced.out())
        .isEqualTo(
            "Produced 4 records to payments.transactions (2 not JSON, sent as is; 1 without a key)\n");
    assertThat(tailed.exitCode()).isZero();
    assertThat(tailed.out())
        .contains("key c-0001-1", "\"transactionId\" : \"t-1\"", "\"amount\" : 12.5")
        .contains("key c-0002-1", "\"transactionId\" : \"t-2\"")
        .containsPattern("key \\(none\\)  \\S+\\Rthis is not json\\R")
        .contains("key c-0009-1", "{\"transactionId\": \"t-broken\"")
        .doesNotContain("vigil.error");
    assertThat(tailed.err()).contains("4 records");
  }

  @Test
  void shouldShowTheHeadersOfDeadLetters() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetters.REASON, bytes("deserialization"));
    headers.add(DeadLetters.SOURCE_TOPIC, bytes(FraudTopics.TRANSACTIONS.name()));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker.getBrokersAsString()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(DEAD_LETTERS, null, bytes("c-1"), bytes("oops"), headers));
    }

    Result tailed = run("", "tail", DEAD_LETTERS, "--from-beginning", "--max", "1");

    assertThat(tailed.out())
        .contains("key c-1")
        .contains("    vigil.error.reason: deserialization")
        .contains("    vigil.source.topic: payments.transactions")
        .endsWith("oops" + System.lineSeparator());
  }

  @Test
  void shouldRefuseATopicThatDoesNotExist() {
    Result produced = run("{}", "produce", "no.such.topic");

    assertThat(produced.exitCode()).isEqualTo(1);
    assertThat(produced.err()).contains("No topic no.such.topic");
  }

  @Test
  void shouldStopTailingAfterTheTimeoutWithoutRecords() {
    Result tailed = run("", "tail", DEAD_LETTERS, "--timeout", "1");

    assertThat(tailed.exitCode()).isZero();
    assertThat(tailed.err()).contains("from now on", "0 records");
  }

  @Test
  void shouldReportTheBrokerUpAndNoServiceRunning() {
    Result status = run("", "status");

    assertThat(status.out())
        .contains("Kafka at " + broker.getBrokersAsString() + ": up, 1 broker")
        .containsPattern("fraud-detection-service +not running");
  }

  private Result run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        VigilCli.commandLine(
            new Workspace(home),
            Clock.system(ZoneOffset.UTC),
            new ByteArrayInputStream(bytes(stdin)),
            Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] withBroker = new String[args.length + 2];
    System.arraycopy(args, 0, withBroker, 0, args.length);
    withBroker[args.length] = "--bootstrap-servers";
    withBroker[args.length + 1] = broker.getBrokersAsString();
    int exitCode = cli.execute(withBroker);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}

  private static Transaction payment(String id, String card) {
    return new Transaction(
        id,
        "a-" + card.substring(2, 6),
        card,
        new BigDecimal("12.5"),
        "EUR",
        "m-ams-1",
        "5411",
        "NL",
        52.37,
        4.9,
        Channel.CARD_PRESENT,
        MORNING);
  }

  private static String json(Transaction payment) {
    return new String(
        FraudTopics.TRANSACTIONS
            .valueSerde()
            .serializer()
            .serialize(FraudTopics.TRANSACTIONS.name(), payment),
        StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
