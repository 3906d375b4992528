package dev.vigil.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker as the chaos runs see it: topics, a producer for the workload, and reading outputs
 * back. Every call has a bound, since the broker itself is one of the things that gets killed.
 */
final class KafkaAccess implements AutoCloseable {

  static final int PARTITIONS = 3;

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(500);

  /** The header in which a service's dead-letter records say why, as the README documents. */
  private static final String REASON_HEADER = "vigil.error.reason";

  private final String bootstrapServers;
  private final Admin admin;

  KafkaAccess(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.admin = Admin.create(properties);
  }

  /** Creates the topics that do not exist yet, with {@link #PARTITIONS} partitions each. */
  void createTopics(Collection<String> topics, Collection<String> compacted) {
    List<NewTopic> newTopics = new ArrayList<>();
    for (String topic : topics) {
      NewTopic newTopic = new NewTopic(topic, PARTITIONS, (short) 1);
      if (compacted.contains(topic)) {
        newTopic.configs(
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      }
      newTopics.add(newTopic);
    }
    admin
        .createTopics(newTopics)
        .values()
        .forEach(
            (topic, future) -> {
              try {
                future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                  throw new IllegalStateException("Cannot create " + topic, e.getCause());
                }
              } catch (TimeoutException e) {
                throw new IllegalStateException("Cannot create " + topic + " in time", e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted creating " + topic, e);
              }
            });
  }

  /**
   * Waits until every partition of the topics has a leader: a topic is created before its
   * partitions can take writes, and on a busy machine that can take a while.
   */
  void awaitLeaders(Collection<String> topics) throws InterruptedException {
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos() * 4;
    while (!haveLeaders(topics)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Partitions of " + topics + " have no leader");
      }
      Thread.sleep(100);
    }
  }

  private boolean haveLeaders(Collection<String> topics) {
    try {
      return get(admin.describeTopics(topics).allTopicNames()).values().stream()
          .flatMap(d -> d.partitions().stream())
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (KafkaException e) {
      // The controller has created the topic, but the broker's metadata does not show it yet.
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  /** A producer that retries through broker restarts and never writes a record twice. */
  KafkaProducer<String, byte[]> producer() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // The workload starts right after its topics are created: with more requests in flight, a
    // first one refused before the broker knows the partition can be overtaken by the next, and
    // the idempotent producer then retries it until it expires (KAFKA-15591).
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    // Long enough to ride through a broker restart, which is one of the scenarios.
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }

  /** Every committed record of the topic, in partition and offset order. */
  List<OutputRecord> readCommitted(String topic) {
    List<OutputRecord> records = new ArrayList<>();
    forEach(
        topic,
        IsolationLevel.READ_COMMITTED,
        r ->
            records.add(
                new OutputRecord(
                    topic,
                    r.key(),
                    r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8),
                    r.partition(),
                    r.offset())));
    records.sort(
        Comparator.comparingInt(OutputRecord::partition).thenComparingLong(OutputRecord::offset));
    return records;
  }

  /** A record of a dead-letter topic: the original value and why it was rejected. */
  record DeadLetter(byte[] value, String reason) {}

  List<DeadLetter> readDeadLetters(String topic) {
    List<DeadLetter> letters = new ArrayList<>();
    forEach(
        topic,
        IsolationLevel.READ_COMMITTED,
        r -> {
          Header reason = r.headers().lastHeader(REASON_HEADER);
          letters.add(
              new DeadLetter(
                  r.value(),
                  reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8)));
        });
    return letters;
  }

  /** How many records of the topic were written and aborted: what open transactions left. */
  long abortedRecords(String topic) {
    long[] counts = new long[2];
    forEach(topic, IsolationLevel.READ_UNCOMMITTED, r -> counts[0]++);
    forEach(topic, IsolationLevel.READ_COMMITTED, r -> counts[1]++);
    return counts[0] - counts[1];
  }

  /** Reads the topic from its beginning to its end as the isolation level sees it. */
  private void forEach(
      String topic, IsolationLevel isolation, Consumer<ConsumerRecord<String, byte[]>> action) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(isolation)) {
      List<TopicPartition> partitions = partitions(topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(POLL).forEach(action);
      }
    }
  }

  /**
   * Per partition of the topics, how far records are written (high watermark) and how far they are
   * committed (last stable offset); they differ while a transaction is open on the partition.
   */
  Map<TopicPartition, long[]> writtenAndCommitted(Collection<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    topics.forEach(t -> partitions.addAll(partitions(t)));
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> written =
        get(
            admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all());
    Map<TopicPartition, ListOffsetsResultInfo> committed =
        get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
    Map<TopicPartition, long[]> result = new HashMap<>();
    partitions.forEach(
        p -> result.put(p, new long[] {written.get(p).offset(), committed.get(p).offset()}));
    return result;
  }

  /**
   * How many partitions each member of the group has, by member id: of a classic group, its topic
   * partitions; of a streams group (KIP-1071), its active tasks' partitions.
   */
  Map<String, Integer> assignment(String groupId) {
    Map<String, Integer> partitions = new HashMap<>();
    if (isStreamsGroup(groupId)) {
      get(admin.describeStreamsGroups(List.of(groupId)).all())
          .get(groupId)
          .members()
          .forEach(
              m ->
                  partitions.put(
                      m.memberId(),
                      m.assignment().activeTasks().stream()
                          .mapToInt(t -> t.partitions().size())
                          .sum()));
      return partitions;
    }
    get(admin.describeConsumerGroups(List.of(groupId)).all())
        .get(groupId)
        .members()
        .forEach(m -> partitions.put(m.consumerId(), m.assignment().topicPartitions().size()));
    return partitions;
  }

  private boolean isStreamsGroup(String groupId) {
    return get(admin.listGroups().all()).stream()
        .anyMatch(
            g -> g.groupId().equals(groupId) && g.type().equals(Optional.of(GroupType.STREAMS)));
  }

  /**
   * Sets a streams group's own settings on the broker: under the streams rebalance protocol the
   * session timeout and the standby replicas are the group's, not the clients'.
   */
  void configureStreamsGroup(String groupId, Map<String, String> settings) {
    get(
        admin
            .incrementalAlterConfigs(
                Map.of(
                    new ConfigResource(ConfigResource.Type.GROUP, groupId),
                    settings.entrySet().stream()
                        .map(
                            e ->
                                new AlterConfigOp(
                                    new ConfigEntry(e.getKey(), e.getValue()),
                                    AlterConfigOp.OpType.SET))
                        .toList()))
            .all());
  }

  /** The group's committed offset on each partition of a topic (0 where it has none). */
  Map<Integer, Long> committedPartitions(String groupId, String topic) {
    Map<Integer, Long> committed = new HashMap<>();
    partitions(topic).forEach(p -> committed.put(p.partition(), 0L));
    committedByGroup(groupId)
        .forEach(
            (partition, offset) -> {
              if (partition.topic().equals(topic)) {
                committed.put(partition.partition(), offset);
              }
            });
    return committed;
  }

  /** Deletes the topic and waits until the broker no longer lists it. */
  void deleteTopic(String topic) throws InterruptedException {
    get(admin.deleteTopics(List.of(topic)).all());
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    while (get(admin.listTopics().names()).contains(topic)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(topic + " still listed after its deletion");
      }
      Thread.sleep(100);
    }
  }

  /** The sum of the consumer group's committed offsets: grows whenever it commits input. */
  long groupOffsets(String groupId) {
    return committedByGroup(groupId).values().stream().mapToLong(Long::longValue).sum();
  }

  private Map<TopicPartition, Long> committedByGroup(String groupId) {
    Map<TopicPartition, Long> committed = new HashMap<>();
    get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata())
        .forEach(
            (partition, offset) -> {
              if (offset != null) {
                committed.put(partition, offset.offset());
              }
            });
    return committed;
  }

  /** How many records of the topics the consumer group has not committed yet. */
  long lag(String groupId, Collection<String> topics) {
    Map<TopicPartition, Long> committed = committedByGroup(groupId);
    long lag = 0;
    for (Map.Entry<TopicPartition, long[]> end : writtenAndCommitted(topics).entrySet()) {
      lag += Math.max(0, end.getValue()[0] - committed.getOrDefault(end.getKey(), 0L));
    }
    return lag;
  }

  /**
   * How many records the consumer group has not committed yet, over every partition it has
   * committed on: its input and the repartition topics between its sub-topologies.
   */
  long groupLag(String groupId) {
    Set<String> topics = consumedTopics(groupId);
    return topics.isEmpty() ? 0 : lag(groupId, topics);
  }

  /**
   * The topics the consumer group has committed on; not the global tables' topics, which every
   * instance reads whole, outside the group.
   */
  Set<String> consumedTopics(String groupId) {
    Set<String> topics = new HashSet<>();
    committedByGroup(groupId).keySet().forEach(p -> topics.add(p.topic()));
    return topics;
  }

  /** Whether a transaction is open on any partition of the topics. */
  boolean transactionOpen(Collection<String> topics) {
    return writtenAndCommitted(topics).values().stream().anyMatch(o -> o[0] > o[1]);
  }

  /** The sum of the topics' last stable offsets: grows whenever outputs are committed. */
  long committedOffsets(Collection<String> topics) {
    return writtenAndCommitted(topics).values().stream().mapToLong(o -> o[1]).sum();
  }

  private List<TopicPartition> partitions(String topic) {
    TopicDescription description =
        get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    return description.partitions().stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  private KafkaConsumer<String, byte[]> consumer(IsolationLevel isolation) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KafkaException(e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("The broker did not answer within " + ADMIN_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
