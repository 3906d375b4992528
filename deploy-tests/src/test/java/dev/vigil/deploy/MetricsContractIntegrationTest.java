package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.testing.KafkaTestClients;
import dev.vigil.common.testing.TestKafkaBroker;
import dev.vigil.common.testing.TransactionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.internals.StreamThread;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fraud service as its image runs it (the jar extracted into the Dockerfile's layers, started
 * with the Dockerfile's entry point and the environment docker-compose.yml gives it), on a real
 * broker: its scrape must contain every metric the Grafana dashboards and the Prometheus rules use,
 * and a real Prometheus, where installed, must scrape it and evaluate every rule and panel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsContractIntegrationTest {

  private static final String SERVICE = "fraud-detection-service";
  private static final Duration STARTUP = Duration.ofMinutes(3);
  // Micrometer binds Kafka client metrics that appear after start (a task's stores, a topic's
  // first record) at its next refresh, once a minute.
  private static final Duration METRICS_APPEAR = Duration.ofMinutes(3);
  private static final Duration PROMETHEUS_READY = Duration.ofMinutes(2);
  // Prometheus makes these itself; no service exports them.
  private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @TempDir static Path work;

  private TestKafkaBroker broker;
  private ServiceProcess service;
  private Set<String> extractedLayers;
  private int port;

  @BeforeAll
  void startBrokerAndService() throws Exception {
    broker = TestKafkaBroker.started(3);

    Path application = Files.createDirectories(work.resolve("opt-vigil"));
    extractedLayers =
        ImageLayout.extract(Repository.bootJar(SERVICE), work, application, ServiceProcess.java());
    port = ServiceProcess.freePort();
    ComposeService composed = ComposeFile.load("docker-compose.yml").services().get(SERVICE);
    Map<String, String> environment = new HashMap<>(composed.environment());
    // What only holds inside the compose network: where Kafka is, this host's name and port.
    environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString());
    environment.put("VIGIL_ADVERTISED_HOST", "localhost");
    environment.put("VIGIL_STATE_DIR", work.resolve("state").toString());
    environment.put("SERVER_PORT", Integer.toString(port));
    List<String> command = new ArrayList<>(ImageLayout.entrypoint());
    command.set(0, ServiceProcess.java());
    service =
        ServiceProcess.start(command, environment, application, work.resolve(SERVICE + ".log"));

    await("readiness of " + SERVICE)
        .atMost(STARTUP)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              assertThat(service.isAlive()).as(service.lastLines(40)).isTrue();
              assertThat(healthCheck(composed)).isZero();
            });
    produceGoodAndBadPayments();
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (service != null) {
      service.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void shouldCopyEveryLayerTheJarHas() {
    assertThat(ImageLayout.copiedLayers()).containsExactlyInAnyOrderElementsOf(extractedLayers);
  }

  @Test
  void shouldExportEveryMetricTheDashboardsAndRulesUse() {
    Map<String, Set<String>> used = usedMetricNames();

    await("every metric the dashboards and rules use")
        .atMost(METRICS_APPEAR)
        .pollInterval(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              Set<String> exported = exportedNames(scrape());
              Map<String, Set<String>> missing = new LinkedHashMap<>();
              used.forEach(
                  (name, users) -> {
                    if (!exported.contains(name)) {
                      missing.put(name, users);
                    }
                  });
              assertThat(missing)
                  .as("metric names not in the scrape, with where they are used")
                  .isEmpty();
            });
  }

  @Test
  void shouldReportTheStatesTheRulesTakeForRunning() {
    String scrape = scrape();

    assertThat(values(scrape, "kafka_stream_client_state"))
        .isNotEmpty()
        .containsOnly((double) KafkaStreams.State.RUNNING.ordinal());
    assertThat(values(scrape, "kafka_stream_thread_thread_state"))
        .isNotEmpty()
        .containsOnly((double) StreamThread.State.RUNNING.ordinal());
    String rules = Repository.read(Repository.PROMETHEUS_RULES);
    assertThat(rules)
        .contains("kafka_stream_client_state != " + KafkaStreams.State.RUNNING.ordinal())
        .contains("kafka_stream_thread_thread_state != " + StreamThread.State.RUNNING.ordinal());
  }

  @Test
  void shouldBeScrapedByPrometheusThatEvaluatesEveryRuleAndPanel() throws Exception {
    Optional<Path> prometheus = onPath("prometheus");
    assumeThat(prometheus).as("Debian's prometheus package, which .ci/run installs").isPresent();
    int prometheusPort = ServiceProcess.freePort();
    Path config = work.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global:",
            "  scrape_interval: 2s",
            "  evaluation_interval: 2s",
            "rule_files:",
            "  - " + Repository.PROMETHEUS_RULES,
            "scrape_configs:",
            "  - job_name: " + SERVICE,
            "    metrics_path: " + PrometheusConfig.load().jobsByName().get(SERVICE).metricsPath(),
            "    static_configs:",
            "      - targets: ['127.0.0.1:" + port + "']",
            ""));
    String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
    try (ServiceProcess server =
        ServiceProcess.start(
            List.of(
                prometheus.get().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("prometheus-data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort),
            Map.of(),
            work,
            work.resolve("prometheus.log"))) {
      await("Prometheus scraping " + SERVICE)
          .atMost(PROMETHEUS_READY)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                assertThat(server.isAlive()).as(server.lastLines(20)).isTrue();
                assertThat(get(api + "targets").path("data").path("activeTargets"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.path("health").asString()).isEqualTo("up"));
              });

      await("every rule evaluated without error")
          .atMost(PROMETHEUS_READY)
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                List<String> unhealthy = new ArrayList<>();
                for (JsonNode group : get(api + "rules").path("data").path("groups")) {
                  for (JsonNode rule : group.path("rules")) {
                    if (!rule.path("health").asString().equals("ok")) {
                      unhealthy.add(rule.path("name").asString() + ": " + rule.path("lastError"));
                    }
                  }
                }
                assertThat(unhealthy).isEmpty();
              });

      await("data in every panel")
          .atMost(METRICS_APPEAR)
          .pollInterval(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                Map<String, String> failing = new LinkedHashMap<>();
                for (Dashboard dashboard : Dashboard.all()) {
                  for (String expr : dashboard.expressions()) {
                    String query = Dashboard.substitute(expr, "1m", SERVICE);
                    JsonNode answer = get(api + "query?query=" + encode(query));
                    if (!answer.path("status").asString().equals("success")) {
                      failing.put(dashboard + ": " + query, answer.path("error").asString());
                    } else if (answer.path("data").path("result").isEmpty()) {
                      failing.put(dashboard + ": " + query, "no data");
                    }
                  }
                }
                assertThat(failing).isEmpty();
              });
    }
  }

  /** Every metric name of every dashboard query and rule, with where it is used. */
  private static Map<String, Set<String>> usedMetricNames() {
    Map<String, Set<String>> used = new LinkedHashMap<>();
    for (Dashboard dashboard : Dashboard.all()) {
      for (String expr : dashboard.expressions()) {
        PromQl.metricNames(expr)
            .forEach(n -> used.computeIfAbsent(n, k -> new TreeSet<>()).add(dashboard.toString()));
      }
    }
    for (PrometheusConfig.Rule rule : PrometheusConfig.load().rules()) {
      PromQl.metricNames(rule.expr())
          .forEach(n -> used.computeIfAbsent(n, k -> new TreeSet<>()).add("rule " + rule.alert()));
    }
    PROMETHEUS_SERIES.forEach(used::remove);
    return used;
  }

  /** The names of a scrape's samples, and of its metric families (a histogram's base name). */
  private static Set<String> exportedNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        names.add(line.split(" ")[2]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static List<Double> values(String scrape, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(scrape);
    List<Double> values = new ArrayList<>();
    while (m.find()) {
      values.add(Double.parseDouble(m.group(1)));
    }
    return values;
  }

  /**
   * A burst on one card, which the velocity rule alerts on (an alert, a decision per payment, their
   * latencies), a record that is not JSON and one that breaks the schema (two dead-letter reasons).
   */
  private void produceGoodAndBadPayments() {
    Instant now = Instant.now();
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Transaction payment =
          TransactionBuilder.transaction()
              .transactionId("metrics-" + i)
              .cardId("metrics-card")
              .accountId("metrics-account")
              .at(now.plusMillis(i))
              .build();
      records.add(
          new ProducerRecord<>(
              FraudTopics.TRANSACTIONS.name(),
              bytes(payment.cardId()),
              FraudTopics.TRANSACTIONS
                  .valueSerde()
                  .serializer()
                  .serialize(FraudTopics.TRANSACTIONS.name(), payment)));
    }
    records.add(
        new ProducerRecord<>(
            FraudTopics.TRANSACTIONS.name(), bytes("metrics-card"), bytes("this is not json")));
    records.add(
        new ProducerRecord<>(
            FraudTopics.TRANSACTIONS.name(),
            bytes("metrics-card"),
            bytes("{\"transactionId\":\"metrics-broken\",\"cardId\":\"metrics-card\"}")));
    KafkaTestClients.send(broker.getBrokersAsString(), records);
  }

  /** The compose file's health check, with the class run from source and this test's port. */
  private int healthCheck(ComposeService composed) throws IOException, InterruptedException {
    String url = composed.healthcheck().get(composed.healthcheck().size() - 1);
    URI probe = URI.create(url);
    String local = "http://localhost:" + port + probe.getPath();
    return ServiceProcess.run(
        List.of(ServiceProcess.java(), Repository.HEALTH_CHECK.toString(), local),
        Duration.ofSeconds(30));
  }

  private String scrape() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/actuator/prometheus"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body());
  }

  private static Optional<Path> onPath(String executable) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(dir -> Path.of(dir, executable))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
