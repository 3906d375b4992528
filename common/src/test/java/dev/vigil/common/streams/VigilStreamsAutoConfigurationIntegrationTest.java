package dev.vigil.common.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.deadletter.DeadLetterExceptionHandler;
import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.event.EventTimeExtractor;
import dev.vigil.common.json.JsonSerdes;
import dev.vigil.common.streams.testapp.StreamsTestApplication;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * A service that only adds a topology and a controller gets the suite's Streams settings, health
 * probes, metrics, dead-letter topic and error bodies from {@code common}.
 */
@SpringBootTest(
    classes = StreamsTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // The test service's application.yml lives in a folder of its own: the test-jar must not put
    // an application.yml on every service's test classpath.
    properties = "spring.config.additional-location=classpath:/streams-it/")
@EmbeddedKafkaForStreams
class VigilStreamsAutoConfigurationIntegrationTest {

  private static final String SERVICE = "vigil-streams-it";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Autowired private StreamsBuilderFactoryBean factory;
  @Autowired private EmbeddedKafkaBroker broker;
  @LocalServerPort private int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldProcessExactlyOnceByDefault() {
    assertThat(streamsConfig(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void shouldUseTheApplicationNameAsApplicationId() {
    assertThat(streamsConfig(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo(SERVICE);
  }

  @Test
  void shouldTakeRecordTimeFromTheEventByDefault() {
    assertThat(streamsConfig(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG))
        .isEqualTo(EventTimeExtractor.class.getName());
  }

  @Test
  void shouldRequireExplicitNamesByDefault() {
    assertThat(streamsConfig(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG))
        .isEqualTo("true");
  }

  @Test
  void shouldHandTheDeadLettersToTheExceptionHandlers() {
    Properties config = factory.getStreamsConfiguration();

    assertThat(config)
        .containsEntry(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetterExceptionHandler.class.getName())
        .containsEntry(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetterExceptionHandler.class.getName())
        .containsEntry(
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetterExceptionHandler.class.getName());
    assertThat(config.get(DeadLetters.CONFIG_KEY)).isInstanceOf(DeadLetters.class);
  }

  @Test
  void shouldLetTheServicesOwnConfigurationOverrideADefault() {
    assertThat(streamsConfig(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("250");
  }

  @Test
  void shouldBeReadyOnceRunning() throws Exception {
    awaitRunning();

    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JsonSerdes.MAPPER.readTree(response.body());
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(
            health.path("components").path("kafkaStreams").path("details").path("state").asString())
        .isEqualTo("RUNNING");
  }

  @Test
  void shouldBeLiveOnceRunning() throws Exception {
    awaitRunning();

    HttpResponse<String> response = get("/actuator/health/liveness");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JsonSerdes.MAPPER.readTree(response.body());
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(
            health
                .path("components")
                .path("kafkaStreamsLiveness")
                .path("details")
                .path("state")
                .asString())
        .isEqualTo("RUNNING");
  }

  @Test
  void shouldExportKafkaStreamsClientMetrics() throws Exception {
    awaitRunning();

    assertThat(get("/actuator/prometheus").body()).contains("kafka_stream_");
  }

  @Test
  void shouldTagEveryMetricWithTheService() throws Exception {
    awaitRunning();

    assertThat(get("/actuator/prometheus").body()).contains("service=\"" + SERVICE + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/metrics", "/actuator/env", "/actuator/configprops"})
  void shouldExposeNoActuatorEndpointButHealthInfoAndPrometheus(String endpoint) throws Exception {
    assertThat(get("/actuator").body())
        .contains("/actuator/health", "/actuator/info", "/actuator/prometheus")
        .doesNotContain("/actuator/metrics");
    assertThat(get(endpoint).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldCreateTheDeadLetterTopicWithItsRetention() throws Exception {
    String topic = DeadLetters.topicFor(SERVICE);
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);

    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      assertThat(admin.listTopics().names().get()).contains(topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
          .isEqualTo(Long.toString(Duration.ofDays(14).toMillis()));
    }
  }

  @Test
  void shouldAnswerAnInvalidIdWithAJsonError() throws Exception {
    HttpResponse<String> response = get("/things/bad!id");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(
            JsonSerdes.MAPPER.readValue(
                response.body(), new TypeReference<Map<String, Object>>() {}))
        .containsOnly(
            entry("status", 400),
            entry("error", "Bad Request"),
            entry("reason", "thing id must be 1-64 letters, digits or . _ : @ - characters"),
            entry("path", "/things/bad!id"));
  }

  private String streamsConfig(String key) {
    return String.valueOf(factory.getStreamsConfiguration().get(key));
  }

  private void awaitRunning() {
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                factory.getKafkaStreams() != null
                    && factory.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
