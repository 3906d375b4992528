package dev.vigil.simulator.evaluation;

import dev.vigil.common.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole topics as they are now, committed records only, without a consumer group: the
 * evaluator leaves no trace on the cluster. Records that do not parse are skipped.
 */
public final class TopicReader implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Duration timeout;

  public TopicReader(String bootstrapServers, Duration timeout) {
    this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), timeout);
  }

  /**
   * A reader for a cluster that needs more than its address: {@code connection} holds the bootstrap
   * servers and any security settings.
   */
  public TopicReader(Map<String, ?> connection, Duration timeout) {
    Map<String, Object> config = new HashMap<>(connection);
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "vigil-evaluate");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.timeout = timeout;
  }

  /**
   * Every committed value of the topic up to its end when the call starts; none if it is missing.
   */
  public <V> List<V> readAll(Topic<String, V> topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic.name(), timeout).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    List<V> values = new ArrayList<>();
    if (partitions.isEmpty()) {
      return values;
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end =
        consumer.endOffsets(partitions, timeout).entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    long deadline = System.nanoTime() + timeout.toNanos() * 10;
    while (!end.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        try {
          V value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
          if (value != null) {
            values.add(value);
          }
        } catch (RuntimeException e) {
          // A malformed record: the evaluator scores what parses, as the services do.
        }
      }
      end.keySet().removeIf(p -> consumer.position(p, timeout) >= end.get(p));
    }
    if (!end.isEmpty()) {
      throw new IllegalStateException("Timed out reading " + topic.name());
    }
    consumer.unsubscribe();
    return values;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
