package dev.vigil.vitals.api;

import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.testing.VitalsReadingBuilder;
import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.vitals.VitalsMonitorApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two instances share the partitions; each answers for every patient, forwarding the caller's
 * credentials to the other instance when that one holds the patient, and gathers a ward's patients
 * from both.
 */
@EmbeddedKafkaForStreams
class PatientRoutingIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int PATIENTS = 8;
  private static final String WARD = "route-ward";
  private static final String AUTHORIZATION =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("nurse:route-password".getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void shouldAnswerForEveryPatientAndTheWholeWardFromEitherInstance(EmbeddedKafkaBroker broker)
      throws Exception {
    int first = start(broker, "a");
    int second = start(broker, "b");
    await().atMost(TIMEOUT).until(() -> ready(first) && ready(second));

    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < PATIENTS; i++) {
      String patientId = "route-patient-" + i;
      records.add(
          record(
              VitalsTopics.PATIENTS.name(),
              patientId,
              VitalsTopics.PATIENTS
                  .valueSerde()
                  .serializer()
                  .serialize(
                      "", new Patient(patientId, WARD, "bed-" + i, 1, AdmissionStatus.ACTIVE))));
      // Pulse 40 + 10 i: patient 0 scores 3; 1, 6 and 7 score 1; the others 0.
      VitalsReading reading =
          VitalsReadingBuilder.reading()
              .patientId(patientId)
              .readingId("route-r-" + i)
              .normal()
              .pulse(40 + 10 * i)
              .build();
      records.add(
          record(
              VitalsTopics.READINGS.name(),
              patientId,
              VitalsTopics.READINGS.valueSerde().serializer().serialize("", reading)));
    }
    send(broker.getBrokersAsString(), records);

    assertThat(instances)
        .allSatisfy(i -> assertThat(localTasks(i)).as("tasks on each instance").isPositive());
    for (int i = 0; i < PATIENTS; i++) {
      String path = "/patients/route-patient-" + i;
      String expected = "\"readingId\":\"route-r-" + i + "\"";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                assertThat(get(first, path, AUTHORIZATION)).startsWith("200 ").contains(expected);
                assertThat(get(second, path, AUTHORIZATION)).startsWith("200 ").contains(expected);
              });
    }
    String wardPath = "/wards/" + WARD + "/patients";
    for (int port : List.of(first, second)) {
      String ward = get(port, wardPath, AUTHORIZATION);
      assertThat(ward).startsWith("200 ");
      assertThat(patientIds(ward))
          .containsExactly(
              "route-patient-0",
              "route-patient-1",
              "route-patient-6",
              "route-patient-7",
              "route-patient-2",
              "route-patient-3",
              "route-patient-4",
              "route-patient-5");
      assertThat(get(port, wardPath, null)).startsWith("401 ");
      assertThat(get(port, "/patients/route-patient-0", null)).startsWith("401 ");
    }
  }

  private int start(EmbeddedKafkaBroker broker, String name) throws IOException {
    int port = freePort();
    instances.add(
        new SpringApplicationBuilder(VitalsMonitorApplication.class)
            .run(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.streams.state-dir=target/streams-state/routing-"
                    + name
                    + "-"
                    + port,
                "--vigil.topics.partitions=3",
                "--vigil.vitals.api.username=nurse",
                "--vigil.vitals.api.password=route-password"));
    return port;
  }

  /** The patient ids of a ward's answer, in order. */
  private static List<String> patientIds(String body) {
    Matcher ids = Pattern.compile("\"patientId\":\"([^\"]+)\"").matcher(body);
    List<String> result = new ArrayList<>();
    while (ids.find()) {
      result.add(ids.group(1));
    }
    return result;
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
    return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static int localTasks(ConfigurableApplicationContext instance) {
    KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    return streams.metadataForLocalThreads().stream()
        .mapToInt(thread -> thread.activeTasks().size())
        .sum();
  }

  private boolean ready(int port) {
    try {
      return http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String get(int port, String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
