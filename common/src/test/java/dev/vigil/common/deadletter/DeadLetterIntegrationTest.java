package dev.vigil.common.deadletter;

import static dev.vigil.common.deadletter.DeadLetterStreams.FAILING_WORD;
import static dev.vigil.common.deadletter.DeadLetterStreams.OUT;
import static dev.vigil.common.deadletter.DeadLetterStreams.WORDS;
import static dev.vigil.common.testing.KafkaTestClients.readCommitted;
import static dev.vigil.common.testing.KafkaTestClients.send;
import static dev.vigil.common.testing.TransactionBuilder.transaction;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.testing.TestKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Kafka Streams client under exactly-once, with the dead-letter handlers configured as in
 * {@code vigil-defaults.properties}, on a real broker. Every scenario's input is sent once, before
 * the tests, so each test checks one outcome of the same run.
 */
class DeadLetterIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String SERVICE = "dead-letter-it";
  private static final String DLQ = DeadLetters.topicFor(SERVICE);
  private static final String PAYMENTS = FraudTopics.TRANSACTIONS.name();
  private static final String ACCOUNTS = FraudTopics.ACCOUNTS.name();

  @TempDir static Path stateDir;

  private static TestKafkaBroker broker;
  private static SimpleMeterRegistry registry;
  private static DeadLetters deadLetters;
  private static KafkaStreams streams;
  private static Set<String> threadsAtStart;

  @BeforeAll
  static void runTheScenario() {
    broker = DeadLetterStreams.broker(WORDS, PAYMENTS, ACCOUNTS, OUT, DLQ);
    registry = new SimpleMeterRegistry();
    deadLetters =
        new DeadLetters(
            SERVICE,
            new VigilMetrics(registry),
            () -> DeadLetterStreams.producer(broker.getBrokersAsString()));
    streams =
        new KafkaStreams(
            topology(),
            DeadLetterStreams.config(SERVICE, broker.getBrokersAsString(), stateDir, deadLetters));
    // Any error that escaped the handlers would stop the client, which the tests would see.
    streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    streams.start();
    await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    threadsAtStart = threadNames();

    RecordHeaders traced = new RecordHeaders();
    traced.add("trace-id", bytes("t-42"));
    send(
        broker.getBrokersAsString(),
        List.of(
            new ProducerRecord<>(WORDS, bytes("k1"), bytes("before")),
            new ProducerRecord<>(WORDS, null, bytes("k2"), bytes(FAILING_WORD), traced),
            new ProducerRecord<>(WORDS, bytes("k3"), bytes("after")),
            new ProducerRecord<>(PAYMENTS, bytes("card-1"), bytes("{not json")),
            new ProducerRecord<>(PAYMENTS, bytes("card-1"), paymentJson("tx-after-bad-json")),
            new ProducerRecord<>(ACCOUNTS, bytes("acct-1"), bytes("{not an account"))));
  }

  @AfterAll
  static void tearDown() {
    DeadLetterStreams.close(streams, deadLetters, broker);
  }

  @Test
  void shouldDeadLetterARecordWhoseProcessingThrows() {
    ConsumerRecord<byte[], byte[]> letter = awaitDeadLetterFrom(WORDS);

    assertThat(header(letter, DeadLetters.REASON)).isEqualTo("processing");
    assertThat(header(letter, DeadLetters.ERROR_CLASS))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).contains("cannot process boom");
  }

  @Test
  void shouldKeepTheOriginalBytesOfTheFailingRecord() {
    ConsumerRecord<byte[], byte[]> letter = awaitDeadLetterFrom(WORDS);

    assertThat(new String(letter.key(), UTF_8)).isEqualTo("k2");
    assertThat(new String(letter.value(), UTF_8)).isEqualTo(FAILING_WORD);
    assertThat(header(letter, "trace-id")).isEqualTo("t-42");
  }

  @Test
  void shouldSayWhereTheFailingRecordCameFrom() {
    ConsumerRecord<byte[], byte[]> letter = awaitDeadLetterFrom(WORDS);

    assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(WORDS);
    assertThat(header(letter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(header(letter, DeadLetters.SERVICE)).isEqualTo(SERVICE);
  }

  @Test
  void shouldProcessTheRecordsAfterTheFailingOne() {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(outputs()).contains("BEFORE", "AFTER"));
    assertThat(outputs()).doesNotContain(FAILING_WORD.toUpperCase());
  }

  @Test
  void shouldKeepTheSameStreamThreadRunning() {
    awaitDeadLetterFrom(WORDS);

    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    assertThat(threadNames()).isEqualTo(threadsAtStart);
  }

  @Test
  void shouldCountTheDeadLetterByReason() {
    awaitDeadLetterFrom(WORDS);

    assertThat(
            registry
                .get(VigilMetrics.DEAD_LETTERS)
                .tag("reason", DeadLetterReason.PROCESSING.tag())
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldDeadLetterMalformedJsonOnATypedSourceAsDeserialization() {
    ConsumerRecord<byte[], byte[]> letter = awaitDeadLetterFrom(PAYMENTS);

    assertThat(header(letter, DeadLetters.REASON)).isEqualTo("deserialization");
    assertThat(new String(letter.value(), UTF_8)).isEqualTo("{not json");
    assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
  }

  @Test
  void shouldProcessTheEventAfterMalformedJson() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(outputs()).contains("tx-after-bad-json"));
  }

  @Test
  void shouldDeadLetterMalformedJsonOfAGlobalTable() {
    ConsumerRecord<byte[], byte[]> letter = awaitDeadLetterFrom(ACCOUNTS);

    assertThat(header(letter, DeadLetters.REASON)).isEqualTo("deserialization");
    assertThat(new String(letter.value(), UTF_8)).isEqualTo("{not an account");
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  @Test
  void shouldWriteEachDeadLetterOnce() {
    List.of(WORDS, PAYMENTS, ACCOUNTS).forEach(DeadLetterIntegrationTest::awaitDeadLetterFrom);

    assertThat(readCommitted(broker.getBrokersAsString(), DLQ))
        .map(letter -> header(letter, DeadLetters.SOURCE_TOPIC))
        .containsExactlyInAnyOrder(WORDS, PAYMENTS, ACCOUNTS);
  }

  /** Upper-cases words, failing on one; passes payments' ids through; keeps accounts. */
  private static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable(
        ACCOUNTS,
        FraudTopics.ACCOUNTS.consumed().withName("accounts-source"),
        Materialized.as("accounts"));
    DeadLetterStreams.upperCaseWords(builder);
    builder.stream(PAYMENTS, FraudTopics.TRANSACTIONS.consumed().withName("payments-source"))
        .mapValues(Transaction::transactionId, Named.as("payment-id"))
        .to(OUT, Produced.with(Serdes.String(), Serdes.String()).withName("payments-sink"));
    return builder.build();
  }

  private static ConsumerRecord<byte[], byte[]> awaitDeadLetterFrom(String sourceTopic) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () ->
                readCommitted(broker.getBrokersAsString(), DLQ).stream()
                    .filter(r -> sourceTopic.equals(header(r, DeadLetters.SOURCE_TOPIC)))
                    .toList(),
            letters -> !letters.isEmpty())
        .get(0);
  }

  private static List<String> outputs() {
    return readCommitted(broker.getBrokersAsString(), OUT).stream()
        .map(r -> new String(r.value(), UTF_8))
        .toList();
  }

  private static Set<String> threadNames() {
    return streams.metadataForLocalThreads().stream()
        .map(ThreadMetadata::threadName)
        .collect(Collectors.toSet());
  }

  private static byte[] paymentJson(String transactionId) {
    return FraudTopics.TRANSACTIONS
        .valueSerde()
        .serializer()
        .serialize(PAYMENTS, transaction().transactionId(transactionId).build());
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(UTF_8);
  }
}
