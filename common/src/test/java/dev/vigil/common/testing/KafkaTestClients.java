package dev.vigil.common.testing;

import dev.vigil.common.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients for integration tests: raw bytes in, committed records out. */
public final class KafkaTestClients {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  private KafkaTestClients() {}

  /** Sends each record and waits until the broker has them all. */
  public static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records) {
    send(plain(bootstrapServers), records);
  }

  /**
   * As {@link #send(String, List)}, on a cluster that needs more than its address: {@code
   * connection} holds the bootstrap servers and the security settings.
   */
  public static void send(
      Map<String, Object> connection, List<ProducerRecord<byte[], byte[]>> records) {
    Map<String, Object> config = new HashMap<>(connection);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
    // Tests produce right after creating topics: with more requests in flight, a first one refused
    // before the broker knows the partition can be overtaken and expire (KAFKA-15591).
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    try (var producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  /**
   * Every record of a topic that is committed now, read with {@code read_committed}: from the
   * beginning of each partition up to its last stable offset. Poll it with a deadline to wait for
   * outputs.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readCommitted(
      String bootstrapServers, String topic) {
    return readCommitted(plain(bootstrapServers), topic);
  }

  /**
   * As {@link #readCommitted(String, String)}, with the security settings in {@code connection}.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readCommitted(
      Map<String, Object> connection, String topic) {
    Map<String, Object> config = new HashMap<>(connection);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read " + topic + " up to " + end);
        }
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  /** The values of {@link #readCommitted}, read with the topic's own serde. */
  public static <V> List<V> readCommittedValues(String bootstrapServers, Topic<String, V> topic) {
    return readCommitted(bootstrapServers, topic.name()).stream()
        .map(r -> topic.valueSerde().deserializer().deserialize(topic.name(), r.value()))
        .toList();
  }

  private static Map<String, Object> plain(String bootstrapServers) {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  /** A header's value as text, or {@code null} when the record lacks it. */
  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
