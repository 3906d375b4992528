package dev.vigil.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.AuthenticationException;

/** Client settings shared by the commands, tuned for an interactive tool rather than a service. */
public final class KafkaClients {

  /** How long a command waits for Kafka before telling the user it is not there. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private KafkaClients() {}

  public static Admin admin(KafkaConnection kafka) {
    return admin(kafka, CONNECT_TIMEOUT);
  }

  /**
   * With a longer wait, for a command whose few calls may each take a while: TLS and SASL
   * handshakes with a remote cluster, or a busy machine.
   */
  public static Admin admin(KafkaConnection kafka, Duration timeout) {
    Map<String, Object> config = base(kafka, "vigil-cli-admin");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3 * (int) timeout.toMillis());
    return new QuickClosingAdmin(config);
  }

  public static Map<String, Object> producer(KafkaConnection kafka, String clientId) {
    Map<String, Object> config = base(kafka, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // One request in flight per broker: the CLI produces right after creating topics, and a first
    // request refused before the broker knows the new partition can be overtaken by a second one,
    // after which the idempotent producer retries the first until it expires (KAFKA-15591).
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    // A missing broker or topic should fail the command in seconds, not after the default minute.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    // Generous: topics the CLI has just created may take a while to get their leaders on a busy
    // machine.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    return config;
  }

  /**
   * A consumer without a group: it reads partitions it is assigned, commits nothing and leaves no
   * trace on the cluster. It sees only committed transactions, as the services' consumers do.
   */
  public static Map<String, Object> consumer(KafkaConnection kafka, String clientId) {
    Map<String, Object> config = base(kafka, clientId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
    return config;
  }

  /**
   * The cluster's brokers, or empty if none answers within {@link #CONNECT_TIMEOUT}.
   *
   * @throws UserException if the cluster answers but refuses the login
   */
  public static Optional<Collection<Node>> brokers(Admin admin, Duration timeout)
      throws InterruptedException {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
    try {
      return Optional.of(cluster.nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException) {
        throw new UserException(
            "Kafka refused the login: "
                + e.getCause().getMessage()
                + ". Check the client properties in --command-config or $"
                + BootstrapServers.CONFIG_VARIABLE
                + ".",
            e.getCause());
      }
      return Optional.empty();
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  /**
   * Fails with a message that says what to do when no broker answers in time.
   *
   * @return the cluster's brokers
   */
  public static Collection<Node> requireReachable(Admin admin, String bootstrapServers) {
    return requireReachable(admin, bootstrapServers, CONNECT_TIMEOUT);
  }

  /** As {@link #requireReachable(Admin, String)}, waiting as long as given. */
  public static Collection<Node> requireReachable(
      Admin admin, String bootstrapServers, Duration timeout) {
    Optional<Collection<Node>> brokers;
    try {
      brokers = brokers(admin, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("Interrupted while connecting to Kafka", e);
    }
    return brokers.orElseThrow(
        () ->
            new UserException(
                "Cannot reach Kafka at "
                    + bootstrapServers
                    + ". Is it running? ./vigil demo starts a local one; --bootstrap-servers or $"
                    + BootstrapServers.VARIABLE
                    + " points elsewhere."));
  }

  /**
   * Closing a standard admin client waits until calls to an unreachable broker time out; a command
   * that has already reported the broker unreachable should end at once.
   */
  private static final class QuickClosingAdmin extends ForwardingAdmin {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    QuickClosingAdmin(Map<String, Object> config) {
      super(config);
    }

    @Override
    public void close() {
      close(CLOSE_TIMEOUT);
    }
  }

  private static Map<String, Object> base(KafkaConnection kafka, String clientId) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    // A broker that is still starting is picked up within a second of it listening.
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return config;
  }
}
