package dev.vigil.vitals;

import static dev.vigil.common.testing.KafkaTestClients.readCommitted;
import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.testing.VitalsReadingBuilder;
import dev.vigil.common.topic.Topic;
import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalsTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real application on spring-kafka's embedded KRaft broker: readings and admissions in, scores,
 * alerts and dead letters read back with {@code read_committed}, the authenticated API over HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}",
      "vigil.vitals.api.username=" + VitalsMonitorIntegrationTest.USER,
      "vigil.vitals.api.password=" + VitalsMonitorIntegrationTest.PASSWORD,
      "vigil.vitals.api.api-keys=" + VitalsMonitorIntegrationTest.API_KEY,
      // Short enough to watch a monitor go silent within the test.
      "vigil.vitals.silence-timeout=4s",
      "vigil.vitals.silence-check-interval=1s"
    })
@EmbeddedKafkaForStreams
class VitalsMonitorIntegrationTest {

  static final String USER = "nurse";
  static final String PASSWORD = "it-only-password";
  static final String API_KEY = "it-only-api-key";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String DLQ = DeadLetters.topicFor("vitals-monitor-service");
  private static final Instant NINE_AM = VitalsReadingBuilder.NINE_AM;

  @LocalServerPort private int port;

  @Value("${spring.embedded.kafka.brokers}")
  private String brokers;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void awaitReady() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200));
  }

  @Test
  void shouldScoreEscalateOnceAndNoticeTheMonitorGoingSilent() throws Exception {
    String patient = "it-patient-1";
    sendValue(VitalsTopics.PATIENTS, patient, admitted(patient, "it-ward", "3"));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(get("/patients/" + patient, basic()).statusCode()).isEqualTo(200));

    sendValue(VitalsTopics.READINGS, patient, reading(patient, "it-r-1", NINE_AM).normal().build());
    sendValue(
        VitalsTopics.READINGS,
        patient,
        reading(patient, "it-r-2", NINE_AM.plusSeconds(60))
            .respirationRate(26)
            .spo2(91)
            .pulse(125)
            .temperature(39.2)
            .build());

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(valuesFor(VitalsTopics.SCORES, patient))
                    .extracting(EarlyWarningScore::aggregate)
                    .containsExactly(0, 10));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(get("/patients/" + patient, basic()).body())
                    .contains("\"aggregate\":10")
                    .contains("\"riskBand\":\"HIGH\"")
                    .contains("\"monitorSilent\":true"));
    assertThat(valuesFor(VitalsTopics.ALERTS, patient))
        .filteredOn(a -> a.type() != AlertType.MONITOR_SILENT)
        .filteredOn(a -> a.type() != AlertType.MONITOR_RESUMED)
        .singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.ESCALATION))
        .satisfies(a -> assertThat(a.riskBand()).isEqualTo(RiskBand.HIGH))
        .satisfies(a -> assertThat(a.ward()).isEqualTo("it-ward"))
        .satisfies(a -> assertThat(a.bed()).isEqualTo("3"));
    assertThat(get("/wards/it-ward/patients", bearer(API_KEY)).body())
        .contains("\"patientId\":\"" + patient + "\"");
  }

  @Test
  void shouldAnswerOnlyAuthenticatedCallersAndKeepHealthAndMetricsOpen() throws Exception {
    String patient = "it-patient-auth";
    sendValue(
        VitalsTopics.READINGS, patient, reading(patient, "it-r-a", NINE_AM).pulse(72).build());
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(get("/patients/" + patient, basic()).statusCode()).isEqualTo(200));

    HttpResponse<String> anonymous = get("/patients/" + patient, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"status\":401").doesNotContain("\"pulse\"");
    assertThat(anonymous.headers().allValues("WWW-Authenticate"))
        .anyMatch(h -> h.startsWith("Basic"));
    assertThat(get("/patients/" + patient, basic(USER, "wrong")).statusCode()).isEqualTo(401);
    assertThat(get("/patients/" + patient, bearer("wrong-key")).statusCode()).isEqualTo(401);
    assertThat(get("/wards/it-ward/patients", null).statusCode()).isEqualTo(401);
    assertThat(get("/patients/" + patient, bearer(API_KEY)).body()).contains("\"value\":72.0");
    assertThat(get("/patients/not%20an%20id", basic()).statusCode()).isEqualTo(400);
    assertThat(get("/patients/it-nobody", basic()).statusCode()).isEqualTo(404);

    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", null))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200))
        .satisfies(r -> assertThat(r.body()).contains("vigil_e2e_latency_seconds_bucket"));
  }

  @Test
  void shouldSendAnImpossibleReadingToTheDeadLetterTopicAndKeepScoring() throws Exception {
    String patient = "it-patient-dlq";
    String impossible =
        "{\"readingId\":\"it-bad\",\"patientId\":\""
            + patient
            + "\",\"deviceId\":\"m-1\","
            + "\"spo2\":104,\"eventTime\":\"2026-03-02T09:00:00Z\"}";
    send(
        brokers,
        List.of(
            new ProducerRecord<>(
                VitalsTopics.READINGS.name(),
                patient.getBytes(StandardCharsets.UTF_8),
                impossible.getBytes(StandardCharsets.UTF_8))));
    sendValue(
        VitalsTopics.READINGS, patient, reading(patient, "it-good", NINE_AM).spo2(97).build());

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(valuesFor(VitalsTopics.SCORES, patient)).hasSize(1));
    List<ConsumerRecord<byte[], byte[]>> deadLetters = readCommitted(brokers, DLQ);
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(impossible))
        .satisfies(r -> assertThat(header(r, DeadLetters.REASON)).isEqualTo("validation"))
        .satisfies(
            r ->
                assertThat(header(r, DeadLetters.ERROR_MESSAGE))
                    .contains("spo2 must be above 0 and at most 100 %"));
  }

  private static Patient admitted(String patientId, String ward, String bed) {
    return new Patient(patientId, ward, bed, 1, AdmissionStatus.ACTIVE);
  }

  private static VitalsReadingBuilder reading(String patientId, String readingId, Instant at) {
    return VitalsReadingBuilder.reading().patientId(patientId).readingId(readingId).at(at);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic() {
    return basic(USER, PASSWORD);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String bearer(String key) {
    return "Bearer " + key;
  }

  private <V> void sendValue(Topic<String, V> topic, String key, V value) {
    send(
        brokers,
        List.of(
            new ProducerRecord<>(
                topic.name(),
                key.getBytes(StandardCharsets.UTF_8),
                topic.valueSerde().serializer().serialize(topic.name(), value))));
  }

  private <V> List<V> valuesFor(Topic<String, V> topic, String key) {
    return readCommitted(brokers, topic.name()).stream()
        .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .map(r -> topic.valueSerde().deserializer().deserialize(topic.name(), r.value()))
        .toList();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
