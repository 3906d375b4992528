package dev.vigil.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The broker as the harness sees it: topics, offsets and consumer groups. */
final class Cluster implements AutoCloseable {

  private final String bootstrapServers;
  private final int partitions;
  private final long brokerPid;
  private final Admin admin;

  Cluster(String bootstrapServers, int partitions, long brokerPid) {
    this.bootstrapServers = bootstrapServers;
    this.partitions = partitions;
    this.brokerPid = brokerPid;
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.admin = Admin.create(config);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  int partitions() {
    return partitions;
  }

  long brokerPid() {
    return brokerPid;
  }

  void createTopics(Collection<String> events, Collection<String> compacted) {
    List<NewTopic> topics =
        new java.util.ArrayList<>(
            events.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList());
    compacted.forEach(
        name ->
            topics.add(
                new NewTopic(name, partitions, (short) 1)
                    .configs(
                        Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT))));
    for (NewTopic topic : topics) {
      try {
        admin.createTopics(List.of(topic)).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Cannot create " + topic.name(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A producer that waits for every replica and keeps records in order, as a real source would. */
  KafkaProducer<String, byte[]> producer(int lingerMs) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // The first records go out right after their topic is created: with more requests in flight,
    // one refused before the broker knows the partition can be overtaken by the next, and the
    // idempotent producer then retries it until it expires (KAFKA-15591).
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  Map<TopicPartition, Long> endOffsets(String topic) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
    return result.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** How many records of the topic the group has committed, summed over its partitions. */
  long committed(String group, String topic) {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    return offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  /**
   * Records of the group's repartition topics it has not committed yet: a service is through its
   * input only once its later sub-topologies have read what the earlier ones wrote there. Kafka
   * Streams commits a drained partition at its position, past any transaction marker, so this is 0
   * when it has caught up.
   */
  long repartitionBacklog(String group) {
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    committed.keySet().stream()
        .filter(tp -> tp.topic().startsWith(group + "-") && tp.topic().endsWith("-repartition"))
        .forEach(tp -> request.put(tp, OffsetSpec.latest()));
    if (request.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(request).all());
    return ends.entrySet().stream()
        .mapToLong(
            e -> {
              OffsetAndMetadata c = committed.get(e.getKey());
              return Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
            })
        .sum();
  }

  static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(
          Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Kafka admin request failed", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(10));
  }
}
