package dev.vigil.common.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft broker in the test's JVM, set up for Kafka Streams under exactly-once,
 * on the Kafka version the suite runs.
 *
 * <p>spring-kafka-test's own embedded broker cannot start on Kafka 4.3: it asks Kafka's test kit
 * for {@code clientProperties()}, which 4.3 replaced with {@code bootstrapServers()}. This one is
 * started from the same test kit and stands in for it wherever a test takes an {@link
 * EmbeddedKafkaBroker}.
 *
 * <p>Internal topics at replication 1, or transactions time out waiting for a producer id. No
 * retention by time: outputs carry the tests' fixed event times, months old, which the broker would
 * otherwise delete at its first retention check, half a minute after it starts.
 */
public final class TestKafkaBroker implements EmbeddedKafkaBroker {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final int partitions;
  private final Set<String> topics = new LinkedHashSet<>();
  private final Map<String, String> properties = new HashMap<>();
  private KafkaClusterTestKit cluster;

  /** A broker whose topics, including those created on first use, have {@code partitions}. */
  public TestKafkaBroker(int partitions, String... topics) {
    this.partitions = partitions;
    this.topics.addAll(Arrays.asList(topics));
    properties.put("offsets.topic.replication.factor", "1");
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    properties.put("log.retention.ms", "-1");
    properties.put("group.initial.rebalance.delay.ms", "0");
    properties.put("num.partitions", Integer.toString(partitions));
  }

  /** Starts it on a free port, with every topic named so far. */
  public static TestKafkaBroker started(int partitions, String... topics) {
    TestKafkaBroker broker = new TestKafkaBroker(partitions, topics);
    broker.afterPropertiesSet();
    return broker;
  }

  @Override
  public void afterPropertiesSet() {
    if (cluster != null) {
      return;
    }
    // A broker that fails fatally calls Exit, which would end the test JVM with it.
    Exit.setExitProcedure(
        (status, message) -> {
          throw new IllegalStateException("Broker exited (" + status + "): " + message);
        });
    Exit.setHaltProcedure(
        (status, message) -> {
          throw new IllegalStateException("Broker halted (" + status + "): " + message);
        });
    try {
      KafkaClusterTestKit.Builder builder =
          new KafkaClusterTestKit.Builder(
              new TestKitNodes.Builder()
                  .setCombined(true)
                  .setNumBrokerNodes(1)
                  .setNumControllerNodes(1)
                  .build());
      properties.forEach(builder::setConfigProp);
      cluster = builder.build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the test broker", e);
    }
    create(topics.stream().map(this::newTopic).toList());
    System.setProperty(SPRING_EMBEDDED_KAFKA_BROKERS, getBrokersAsString());
  }

  @Override
  public void destroy() {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop the test broker", e);
    } finally {
      cluster = null;
    }
  }

  @Override
  public String getBrokersAsString() {
    if (cluster == null) {
      throw new IllegalStateException(BROKER_NEEDED);
    }
    return cluster.bootstrapServers();
  }

  @Override
  public TestKafkaBroker brokerProperties(Map<String, String> brokerProperties) {
    properties.putAll(brokerProperties);
    return this;
  }

  @Override
  public EmbeddedKafkaBroker kafkaPorts(int... ports) {
    throw new UnsupportedOperationException("The test broker always listens on a free port");
  }

  @Override
  public EmbeddedKafkaBroker brokerListProperty(String brokerListProperty) {
    throw new UnsupportedOperationException(
        "The test broker sets " + SPRING_EMBEDDED_KAFKA_BROKERS + " only");
  }

  @Override
  public EmbeddedKafkaBroker adminTimeout(int adminTimeout) {
    throw new UnsupportedOperationException("The test broker's admin timeout is fixed");
  }

  @Override
  public Set<String> getTopics() {
    return Set.copyOf(topics);
  }

  @Override
  public int getPartitionsPerTopic() {
    return partitions;
  }

  @Override
  public void addTopics(String... names) {
    addTopics(Arrays.stream(names).map(this::newTopic).toArray(NewTopic[]::new));
  }

  @Override
  public void addTopics(NewTopic... newTopics) {
    Map<String, Exception> failures = addTopicsWithResults(newTopics);
    failures.values().stream()
        .filter(e -> e != null)
        .findFirst()
        .ifPresent(
            e -> {
              throw new KafkaException("Cannot create " + failures.keySet(), e);
            });
  }

  @Override
  public Map<String, Exception> addTopicsWithResults(String... names) {
    return addTopicsWithResults(Arrays.stream(names).map(this::newTopic).toArray(NewTopic[]::new));
  }

  @Override
  public Map<String, Exception> addTopicsWithResults(NewTopic... newTopics) {
    Arrays.stream(newTopics).map(NewTopic::name).forEach(topics::add);
    return create(List.of(newTopics));
  }

  @Override
  public void consumeFromEmbeddedTopics(
      Consumer<?, ?> consumer, boolean seekToEnd, String... names) {
    throw new UnsupportedOperationException(
        "Vigil's tests read with their own consumers (KafkaTestClients)");
  }

  @Override
  public void consumeFromEmbeddedTopics(Consumer<?, ?> consumer, String... names) {
    consumeFromEmbeddedTopics(consumer, false, names);
  }

  @Override
  public void consumeFromAnEmbeddedTopic(Consumer<?, ?> consumer, boolean seekToEnd, String name) {
    consumeFromEmbeddedTopics(consumer, seekToEnd, name);
  }

  @Override
  public void consumeFromAnEmbeddedTopic(Consumer<?, ?> consumer, String name) {
    consumeFromEmbeddedTopics(consumer, false, name);
  }

  @Override
  public void consumeFromAllEmbeddedTopics(Consumer<?, ?> consumer, boolean seekToEnd) {
    consumeFromEmbeddedTopics(consumer, seekToEnd, topics.toArray(String[]::new));
  }

  @Override
  public void consumeFromAllEmbeddedTopics(Consumer<?, ?> consumer) {
    consumeFromAllEmbeddedTopics(consumer, false);
  }

  private NewTopic newTopic(String name) {
    return new NewTopic(name, partitions, (short) 1);
  }

  /** Creates the topics, each failure by its topic's name (none: an empty map). */
  private Map<String, Exception> create(List<NewTopic> newTopics) {
    Map<String, Exception> failures = new HashMap<>();
    if (newTopics.isEmpty()) {
      return failures;
    }
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, getBrokersAsString()))) {
      admin
          .createTopics(new ArrayList<>(newTopics))
          .values()
          .forEach(
              (name, result) -> {
                try {
                  result.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                  failures.put(name, e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  failures.put(name, e);
                }
              });
    }
    return failures;
  }
}
