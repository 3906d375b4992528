package dev.vigil.common.deadletter;

import static dev.vigil.common.deadletter.DeadLetterStreams.FAILING_WORD;
import static dev.vigil.common.deadletter.DeadLetterStreams.OUT;
import static dev.vigil.common.deadletter.DeadLetterStreams.WORDS;
import static dev.vigil.common.testing.KafkaTestClients.readCommitted;
import static dev.vigil.common.testing.KafkaTestClients.send;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.testing.TestKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead letter the broker refuses must not be lost: the offset of the record it stands for stays
 * uncommitted, and the record is processed again until its dead letter is stored. The dead-letter
 * topic here takes no record as large as a dead letter until the test raises its limit.
 */
class DeadLetterWriteFailureIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SERVICE = "dead-letter-refused-it";
  private static final String DLQ = DeadLetters.topicFor(SERVICE);
  private static final long FAILING_OFFSET = 1;

  /** Smaller than any dead letter: its headers alone are longer. */
  private static final String REFUSING_LIMIT = "64";

  private static final String DEFAULT_LIMIT = "1048588";

  @TempDir Path stateDir;

  private TestKafkaBroker broker;
  private Admin admin;
  private DeadLetters deadLetters;
  private KafkaStreams streams;

  @BeforeEach
  void startWithADeadLetterTopicThatRefusesEveryLetter() throws Exception {
    broker = DeadLetterStreams.broker(WORDS, OUT);
    admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    admin
        .createTopics(
            List.of(
                new NewTopic(DLQ, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, REFUSING_LIMIT))))
        .all()
        .get();
    deadLetters =
        new DeadLetters(
            SERVICE,
            new VigilMetrics(new SimpleMeterRegistry()),
            () -> DeadLetterStreams.producer(broker.getBrokersAsString()));
    Properties config =
        DeadLetterStreams.config(SERVICE, broker.getBrokersAsString(), stateDir, deadLetters);
    // A replaced stream thread's consumer does not leave the group: its successor gets the
    // partition once the group gives the old member up, after the session timeout (45 s by
    // default; the broker's minimum here).
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
    streams = new KafkaStreams(topology(), config);
    // As in the services: a failed commit ends the stream thread, and a new one takes over.
    streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
    streams.start();
    await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
  }

  private static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    DeadLetterStreams.upperCaseWords(builder);
    return builder.build();
  }

  @AfterEach
  void stop() {
    if (admin != null) {
      admin.close();
    }
    DeadLetterStreams.close(streams, deadLetters, broker);
  }

  @Test
  void shouldNotCommitPastARecordWhoseDeadLetterWasRefusedAndStoreItOnceTheTopicTakesIt()
      throws Exception {
    Set<String> threadsAtStart = threadNames();
    send(
        broker.getBrokersAsString(),
        List.of(
            new ProducerRecord<>(WORDS, bytes("k1"), bytes("before")),
            new ProducerRecord<>(WORDS, bytes("k2"), bytes(FAILING_WORD)),
            new ProducerRecord<>(WORDS, bytes("k3"), bytes("after"))));

    // The refused dead letter fails the commit, which ends the stream thread.
    await().atMost(TIMEOUT).until(() -> !threadNames().equals(threadsAtStart));
    assertThat(committedOffset()).isLessThanOrEqualTo(FAILING_OFFSET);
    assertThat(readCommitted(broker.getBrokersAsString(), DLQ)).isEmpty();

    admin
        .incrementalAlterConfigs(
            Map.of(
                new ConfigResource(ConfigResource.Type.TOPIC, DLQ),
                List.of(
                    new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, DEFAULT_LIMIT),
                        AlterConfigOp.OpType.SET))))
        .all()
        .get();

    await().atMost(TIMEOUT).until(() -> committedOffset() == 3);
    assertThat(readCommitted(broker.getBrokersAsString(), DLQ))
        .map(letter -> new String(letter.value(), UTF_8))
        .containsOnly(FAILING_WORD);
    assertThat(readCommitted(broker.getBrokersAsString(), OUT))
        .map(output -> new String(output.value(), UTF_8))
        .containsExactly("BEFORE", "AFTER");
  }

  /** The group's committed offset on the words partition, 0 while it has none. */
  private long committedOffset() throws Exception {
    OffsetAndMetadata committed =
        admin
            .listConsumerGroupOffsets(SERVICE)
            .partitionsToOffsetAndMetadata()
            .get()
            .get(new TopicPartition(WORDS, 0));
    return committed == null ? 0 : committed.offset();
  }

  private Set<String> threadNames() {
    return streams.metadataForLocalThreads().stream()
        .map(ThreadMetadata::threadName)
        .collect(Collectors.toSet());
  }

  private static byte[] bytes(String value) {
    return value.getBytes(UTF_8);
  }
}
