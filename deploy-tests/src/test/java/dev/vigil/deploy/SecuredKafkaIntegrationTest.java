package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.deadletter.DeadLetterReason;
import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.fraud.Decision;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.testing.KafkaTestClients;
import dev.vigil.common.testing.TransactionBuilder;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.localkafka.LocalKafkaProcess;
import dev.vigil.localkafka.ScramSecurity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fraud service on a broker that authenticates with SCRAM and authorizes with ACLs, as on a
 * secured production cluster: its jar configured only through the environment, its principal given
 * exactly the ACLs of {@code ./vigil acls} (the CLI's own jar, logged in as the super user through
 * a client properties file).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaIntegrationTest {

  private static final String SERVICE = "fraud-detection-service";
  private static final String VITALS = "vitals-monitor-service";
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "admin-secret";
  private static final String FRAUD = "fraud";
  private static final String FRAUD_PASSWORD = "fraud-secret";
  private static final Instant NINE_AM = TransactionBuilder.NINE_AM;
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final Duration OUTPUT = Duration.ofMinutes(1);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @TempDir static Path work;

  private LocalKafkaProcess kafka;
  private ServiceProcess service;
  private String aclsOutput;

  @BeforeAll
  void startSecuredBrokerAndService() throws Exception {
    kafka =
        LocalKafkaProcess.builder()
            .dataDir(work.resolve("kafka"))
            .saslScram(ADMIN, ADMIN_PASSWORD)
            .scramUser(FRAUD, FRAUD_PASSWORD)
            .startupTimeout(Duration.ofMinutes(2))
            .start();
    createTopics();
    aclsOutput = grantFraudItsAcls();

    int port = ServiceProcess.freePort();
    service = startService(SERVICE, FRAUD, FRAUD_PASSWORD, port, "service");
    await("readiness of " + SERVICE + " on the secured broker")
        .atMost(STARTUP)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              assertThat(service.isAlive()).as(service.lastLines(60)).isTrue();
              assertThat(probe(port, "readiness").status())
                  .as(service.lastLines(60))
                  .isEqualTo(200);
            });
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (service != null) {
      service.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldGrantTheServicesPrincipalItsAclsWithTheCli() {
    assertThat(aclsOutput).contains("Granted User:" + FRAUD + " 16 ACLs for " + SERVICE);
  }

  @Test
  void shouldTellTheCliUserThatKafkaRefusedTheLogin() throws Exception {
    CliRun acls = vigil(clientProperties("wrong.properties", ADMIN, "not-the-password"), "acls");

    assertThat(acls.exitCode()).isEqualTo(1);
    assertThat(acls.output())
        .contains("Kafka refused the login: Authentication failed")
        .contains("--command-config");
  }

  @Test
  void shouldProcessPaymentsWithItsOwnCredentials() {
    Transaction payment =
        TransactionBuilder.transaction()
            .transactionId("secured-1")
            .cardId("secured-card")
            .accountId("secured-account")
            .at(NINE_AM)
            .build();
    KafkaTestClients.send(
        as(ADMIN, ADMIN_PASSWORD),
        List.of(
            new ProducerRecord<>(
                FraudTopics.TRANSACTIONS.name(),
                bytes(payment.cardId()),
                FraudTopics.TRANSACTIONS
                    .valueSerde()
                    .serializer()
                    .serialize(FraudTopics.TRANSACTIONS.name(), payment))));

    await("a decision for the payment")
        .atMost(OUTPUT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(decisions())
                    .extracting(Decision::transactionId)
                    .contains(payment.transactionId()));
  }

  @Test
  void shouldDeadLetterWithItsOwnCredentialsToo() {
    KafkaTestClients.send(
        as(ADMIN, ADMIN_PASSWORD),
        List.of(
            new ProducerRecord<>(
                FraudTopics.TRANSACTIONS.name(),
                bytes("secured-card"),
                bytes("this is not json"))));

    await("the malformed payment on the dead-letter topic")
        .atMost(OUTPUT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        KafkaTestClients.readCommitted(
                            as(ADMIN, ADMIN_PASSWORD), DeadLetters.topicFor(SERVICE)))
                    .extracting(r -> KafkaTestClients.header(r, DeadLetters.REASON))
                    .contains(DeadLetterReason.DESERIALIZATION.tag()));
  }

  @Test
  void shouldRefuseItsPrincipalAnotherServicesOutputTopic() {
    Map<String, Object> config = new HashMap<>(as(FRAUD, FRAUD_PASSWORD));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      ProducerRecord<byte[], byte[]> forged =
          new ProducerRecord<>(VitalsTopics.ALERTS.name(), bytes("p-1"), bytes("{}"));

      assertThatThrownBy(() -> producer.send(forged).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void shouldFailFastWithAClearMessageOnAWrongPassword() throws Exception {
    int port = ServiceProcess.freePort();
    try (ServiceProcess refused =
        startService(SERVICE, FRAUD, "not-the-password", port, "refused")) {
      await("the refused service's report")
          .atMost(STARTUP)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(refused.lastLines(200))
                      .contains("Kafka refused this service's credentials")
                      .contains("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));

      await("the refused service to stop")
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(() -> assertThat(refused.isAlive()).isFalse());
      assertThat(probe(port, "readiness").status())
          .as("readiness of a service Kafka refused")
          .isNotEqualTo(200);
    }
  }

  /**
   * The vitals service has no global table, so it starts, and Kafka refuses its stream thread
   * afterwards: it stays up to say so, not ready and not live.
   */
  @Test
  void shouldReportNotReadyNorLiveWhenKafkaRefusesAStreamThread() throws Exception {
    int port = ServiceProcess.freePort();
    try (ServiceProcess refused =
        startService(VITALS, "vitals", "not-the-password", port, "vitals-refused")) {
      await("the refused vitals service's health")
          .atMost(STARTUP)
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                assertThat(refused.isAlive()).as(refused.lastLines(60)).isTrue();
                assertThat(probe(port, "readiness")).isEqualTo(new Probe(503, "DOWN", "ERROR"));
              });

      assertThat(probe(port, "liveness")).isEqualTo(new Probe(503, "DOWN", "ERROR"));
      assertThat(refused.lastLines(200))
          .contains("Stopping Kafka Streams. Kafka refused this service's credentials");
    }
  }

  private ServiceProcess startService(
      String module, String user, String password, int port, String name) throws IOException {
    Map<String, String> environment = new HashMap<>();
    environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    environment.put("SPRING_KAFKA_SECURITY_PROTOCOL", ScramSecurity.PROTOCOL);
    environment.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", ScramSecurity.MECHANISM);
    environment.put(
        "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", ScramSecurity.jaasConfig(user, password));
    environment.put("SERVER_PORT", Integer.toString(port));
    environment.put("VIGIL_ADVERTISED_HOST", "localhost");
    environment.put("VIGIL_STATE_DIR", work.resolve(name + "-state").toString());
    return ServiceProcess.start(
        List.of(ServiceProcess.java(), "-jar", Repository.bootJar(module).toString()),
        environment,
        work,
        work.resolve(name + ".log"));
  }

  /** The suite's operator creates the topics; the service may only describe them. */
  private void createTopics() throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    FraudTopics.ALL.forEach(topic -> topics.add(new NewTopic(topic.name(), 3, (short) 1)));
    topics.add(new NewTopic(VitalsTopics.ALERTS.name(), 3, (short) 1));
    try (Admin admin = Admin.create(as(ADMIN, ADMIN_PASSWORD))) {
      admin.createTopics(topics).all().get(1, TimeUnit.MINUTES);
    }
  }

  private String grantFraudItsAcls() throws Exception {
    CliRun acls =
        vigil(
            clientProperties("admin.properties", ADMIN, ADMIN_PASSWORD),
            "acls",
            "--service",
            SERVICE,
            "--principal",
            SERVICE + "=User:" + FRAUD);
    assertThat(acls.exitCode()).as(acls.output()).isZero();
    return acls.output();
  }

  /** Runs the ./vigil command's jar against the secured broker, logged in through {@code login}. */
  private CliRun vigil(Path login, String command, String... arguments) throws Exception {
    List<String> commandLine =
        new ArrayList<>(
            List.of(
                ServiceProcess.java(),
                "-jar",
                Repository.ROOT.resolve("cli/target/vigil-cli.jar").toString(),
                command,
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--command-config",
                login.toString()));
    commandLine.addAll(List.of(arguments));
    Path log = work.resolve("vigil-" + command + "-" + login.getFileName() + ".log");
    int exitCode = ServiceProcess.run(commandLine, log, Duration.ofMinutes(1));
    return new CliRun(exitCode, Files.readString(log));
  }

  private record CliRun(int exitCode, String output) {}

  private static Path clientProperties(String name, String user, String password)
      throws IOException {
    StringBuilder text = new StringBuilder();
    ScramSecurity.clientProperties(user, password)
        .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return Files.writeString(work.resolve(name), text);
  }

  private List<Decision> decisions() {
    List<Decision> decisions = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record :
        KafkaTestClients.readCommitted(as(ADMIN, ADMIN_PASSWORD), FraudTopics.DECISIONS.name())) {
      decisions.add(
          FraudTopics.DECISIONS
              .valueSerde()
              .deserializer()
              .deserialize(FraudTopics.DECISIONS.name(), record.value()));
    }
    return decisions;
  }

  private Map<String, Object> as(String user, String password) {
    Map<String, Object> connection = new HashMap<>();
    connection.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    connection.putAll(ScramSecurity.clientProperties(user, password));
    return connection;
  }

  /**
   * A health probe's answer: its HTTP status, its status and the Kafka Streams state it reports;
   * status 0 when nothing answers on the port in time.
   */
  private Probe probe(int port, String group) throws InterruptedException {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/actuator/health/" + group))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Probe(0, null, null);
    }
    JsonNode health = json.readTree(response.body());
    String streamsState =
        health.path("components").findValue("state") == null
            ? null
            : health.path("components").findValue("state").asString();
    return new Probe(response.statusCode(), health.path("status").asString(), streamsState);
  }

  private record Probe(int status, String health, String streamsState) {}

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
