package dev.vigil.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar, exactly as ./vigil demo does. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalKafkaIntegrationTest {

  private static final Path JAR = Path.of("target", "local-kafka.jar").toAbsolutePath();
  private static final String TOPIC = "payments";
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path tempDir;

  private LocalKafkaProcess.Builder broker(Path dataDir, int port, int controllerPort) {
    return LocalKafkaProcess.builder()
        .jar(JAR)
        .dataDir(dataDir)
        .port(port)
        .controllerPort(controllerPort)
        .startupTimeout(Duration.ofSeconds(45))
        .stopTimeout(Duration.ofSeconds(20));
  }

  @Test
  void shouldCommitTransactionsAndKeepThemAcrossARestart() throws Exception {
    Path dataDir = tempDir.resolve("kafka");
    int[] ports = LocalKafkaProcess.freePorts(2);
    LocalKafkaProcess.Builder builder = broker(dataDir, ports[0], ports[1]);

    LocalKafkaProcess first = builder.start();
    try {
      createTopic(plain(first.bootstrapServers()));
      produceTransactionally(plain(first.bootstrapServers()));
      assertThat(readCommitted(plain(first.bootstrapServers()), "before-restart", 3))
          .containsExactlyInAnyOrder("first", "second", "third");
    } finally {
      assertThat(first.stop()).isEqualTo(143);
    }
    assertThat(first.output())
        .anyMatch(line -> line.startsWith("Formatted new Kafka storage in "))
        .contains(
            "Kafka broker ready on localhost:" + ports[0] + " (data: " + dataDir + ")",
            "Kafka broker stopped");

    LocalKafkaProcess second = builder.start();
    try {
      assertThat(topics(plain(second.bootstrapServers()))).contains(TOPIC);
      assertThat(readCommitted(plain(second.bootstrapServers()), "after-restart", 3))
          .containsExactlyInAnyOrder("first", "second", "third");
      assertThat(second.output()).noneMatch(line -> line.startsWith("Formatted"));
    } finally {
      assertThat(second.kill()).isEqualTo(137);
    }
  }

  @Test
  void shouldRefuseASecondBrokerOnATakenPortWithOneClearLine() throws Exception {
    int[] ports = LocalKafkaProcess.freePorts(2);
    try (LocalKafkaProcess running = broker(tempDir.resolve("first"), ports[0], ports[1]).start()) {
      Path stdout = tempDir.resolve("stdout.txt");
      Path stderr = tempDir.resolve("stderr.txt");
      Process second =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  JAR.toString(),
                  "--port",
                  String.valueOf(ports[0]),
                  "--data-dir",
                  tempDir.resolve("second").toString())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();

      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isEqualTo(LocalKafka.EXIT_IN_USE);
      assertThat(Files.readAllLines(stderr))
          .containsExactly(
              "Port "
                  + ports[0]
                  + " is already in use: is another Kafka broker running? Stop it, or pass"
                  + " --port / set KAFKA_BOOTSTRAP_SERVERS to use it.");
      assertThat(stdout).isEmptyFile();
      assertThat(running.isAlive()).isTrue();
    }
  }

  @Test
  void shouldRefuseASecondBrokerOnTheSameDataDir() throws Exception {
    Path dataDir = tempDir.resolve("kafka");
    int[] ports = LocalKafkaProcess.freePorts(4);
    try (LocalKafkaProcess running = broker(dataDir, ports[0], ports[1]).start()) {
      assertThatThrownBy(() -> broker(dataDir, ports[2], ports[3]).start())
          .isInstanceOfSatisfying(
              LocalKafkaStartException.class,
              e -> {
                assertThat(e.exitCode()).hasValue(LocalKafka.EXIT_IN_USE);
                assertThat(e.output())
                    .containsExactly(
                        "Data dir "
                            + dataDir
                            + " is in use by another local Kafka broker: stop it, or pass"
                            + " another --data-dir.");
              });
      assertThat(topics(plain(running.bootstrapServers()))).isEmpty();
    }
  }

  @Test
  void shouldAuthenticateWithScramAndAuthorizeWithAcls() throws Exception {
    int[] ports = LocalKafkaProcess.freePorts(2);
    LocalKafkaProcess.Builder builder =
        broker(tempDir.resolve("kafka"), ports[0], ports[1]).saslScram("admin", "admin-secret");

    try (LocalKafkaProcess kafka = builder.scramUser("alice", "alice-secret").start()) {
      Map<String, Object> admin = scram(kafka.bootstrapServers(), "admin", "admin-secret");
      createTopic(admin);
      produceTransactionally(admin);

      assertThat(readCommitted(admin, "as-admin", 3))
          .containsExactlyInAnyOrder("first", "second", "third");
      assertThat(kafka.output())
          .anyMatch(
              line ->
                  line.endsWith("SASL_PLAINTEXT SCRAM-SHA-512, ACLs enforced, super user admin)"));
      assertThatThrownBy(
              () -> topicsDescribed(scram(kafka.bootstrapServers(), "alice", "alice-secret")))
          .hasCauseInstanceOf(TopicAuthorizationException.class);
      assertThatThrownBy(() -> topics(scram(kafka.bootstrapServers(), "alice", "wrong")))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    // A user added on a later start, to a data dir formatted before, can log in too.
    try (LocalKafkaProcess kafka = builder.scramUser("bob", "bob-secret").start()) {
      assertThat(topics(scram(kafka.bootstrapServers(), "bob", "bob-secret")))
          .doesNotContain(TOPIC);
    }
  }

  @Test
  void shouldStopCleanlyWhenItsLauncherGoesAway() throws Exception {
    int[] ports = LocalKafkaProcess.freePorts(2);
    Path stdout = tempDir.resolve("stdout.txt");
    Process broker =
        new ProcessBuilder(
                LocalKafkaProcess.builder()
                    .jar(JAR)
                    .dataDir(tempDir.resolve("kafka"))
                    .command(ports[0], ports[1]))
            .redirectErrorStream(true)
            .redirectOutput(stdout.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(45))
          .until(() -> Files.readString(stdout).contains("Kafka broker ready on "));

      broker.getOutputStream().close();

      assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(broker.exitValue()).isZero();
      assertThat(Files.readString(stdout)).contains("Kafka broker stopped");
    } finally {
      broker.destroyForcibly();
    }
  }

  /** How a client reaches a broker without security. */
  private static Map<String, Object> plain(String bootstrapServers) {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  /** How a client reaches the secured broker as the given SCRAM user. */
  private static Map<String, Object> scram(String bootstrapServers, String user, String password) {
    Map<String, Object> connection = new HashMap<>(plain(bootstrapServers));
    connection.putAll(ScramSecurity.clientProperties(user, password));
    return connection;
  }

  private static Map<String, Object> with(Map<String, Object> connection, Object... settings) {
    Map<String, Object> config = new HashMap<>(connection);
    for (int i = 0; i < settings.length; i += 2) {
      config.put((String) settings[i], settings[i + 1]);
    }
    return config;
  }

  private static Map<String, Object> adminConfig(Map<String, Object> connection) {
    return with(
        connection,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) CLIENT_TIMEOUT.toMillis());
  }

  private static void createTopic(Map<String, Object> connection) throws Exception {
    try (Admin admin = Admin.create(adminConfig(connection))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
    }
  }

  private static void topicsDescribed(Map<String, Object> connection) throws Exception {
    try (Admin admin = Admin.create(adminConfig(connection))) {
      admin.describeTopics(List.of(TOPIC)).allTopicNames().get();
    }
  }

  private static Set<String> topics(Map<String, Object> connection)
      throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(adminConfig(connection))) {
      return admin.listTopics().names().get();
    }
  }

  /** Commits three records around an aborted one, which read_committed must never return. */
  private static void produceTransactionally(Map<String, Object> connection) {
    Map<String, Object> config =
        with(
            connection,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "local-kafka-it",
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            (int) CLIENT_TIMEOUT.toMillis());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, "a", "first"));
      producer.send(new ProducerRecord<>(TOPIC, "b", "second"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, "c", "aborted"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, "d", "third"));
      producer.commitTransaction();
    }
  }

  private static List<String> readCommitted(
      Map<String, Object> connection, String group, int expected) {
    Map<String, Object> config =
        with(
            connection,
            ConsumerConfig.GROUP_ID_CONFIG,
            group,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      await()
          .atMost(CLIENT_TIMEOUT)
          .pollInSameThread()
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                assertThat(values).hasSizeGreaterThanOrEqualTo(expected);
              });
      // An aborted record that read_committed let through would show up here as a fourth value.
      consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
    }
    return values;
  }
}
