package dev.vigil.common.deadletter;

import dev.vigil.common.testing.TestKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** A Kafka Streams client's settings with the dead-letter handlers as the services have them. */
final class DeadLetterStreams {

  static final String WORDS = "words";
  static final String OUT = "out";
  static final String FAILING_WORD = "boom";

  private DeadLetterStreams() {}

  /** A started single broker, set up for exactly-once, with the given topics of one partition. */
  static TestKafkaBroker broker(String... topics) {
    return TestKafkaBroker.started(1, topics);
  }

  /** Closes what a test started, the client first; any may be null if the set-up failed. */
  static void close(KafkaStreams streams, DeadLetters deadLetters, TestKafkaBroker broker) {
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
    }
    if (deadLetters != null) {
      deadLetters.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  /** Upper-cases the words on {@link #WORDS} to {@link #OUT}, failing on {@link #FAILING_WORD}. */
  static void upperCaseWords(StreamsBuilder builder) {
    builder.stream(WORDS, Consumed.with(Serdes.String(), Serdes.String()).withName("words-source"))
        .mapValues(
            word -> {
              if (word.equals(FAILING_WORD)) {
                throw new IllegalStateException("cannot process " + word);
              }
              return word.toUpperCase();
            },
            Named.as("upper-case"))
        .to(OUT, Produced.with(Serdes.String(), Serdes.String()).withName("words-sink"));
  }

  /** Exactly-once, committing every 100 ms, every handler dead-lettering through {@code to}. */
  static Properties config(
      String applicationId, String bootstrapServers, Path stateDir, DeadLetters to) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterExceptionHandler.class);
    config.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
    config.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
    config.put(DeadLetters.CONFIG_KEY, to);
    return config;
  }

  /**
   * The producer the services configure for global tables' dead letters: every replica, idempotent.
   */
  static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
