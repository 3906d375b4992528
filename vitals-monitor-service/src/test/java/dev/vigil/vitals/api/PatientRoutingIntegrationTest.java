package dev.vigil.vitals.api;

import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.testing.ServiceInstance;
import dev.vigil.common.testing.VitalsReadingBuilder;
import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.vitals.VitalsMonitorApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

  private final List<ServiceInstance> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(ServiceInstance::close);
  }

  @Test
  void shouldAnswerForEveryPatientAndTheWholeWardFromEitherInstance(EmbeddedKafkaBroker broker) {
    for (int i = 0; i < 2; i++) {
      instances.add(
          ServiceInstance.start(
              VitalsMonitorApplication.class,
              broker.getBrokersAsString(),
              "--vigil.vitals.api.username=nurse",
              "--vigil.vitals.api.password=route-password"));
    }
    await().atMost(TIMEOUT).until(() -> instances.stream().allMatch(ServiceInstance::ready));

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

    // Both instances can be ready before the group's last rebalance has given the second its
    // share of the partitions.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(instances)
                    .allSatisfy(
                        instance ->
                            assertThat(instance.activeTasks())
                                .as("tasks on each instance")
                                .isPositive()));
    for (int i = 0; i < PATIENTS; i++) {
      String path = "/patients/route-patient-" + i;
      String expected = "\"readingId\":\"route-r-" + i + "\"";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(instances)
                      .allSatisfy(
                          instance ->
                              assertThat(get(instance, path, AUTHORIZATION))
                                  .startsWith("200 ")
                                  .contains(expected)));
    }
    String wardPath = "/wards/" + WARD + "/patients";
    for (ServiceInstance instance : instances) {
      String ward = get(instance, wardPath, AUTHORIZATION);
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
      assertThat(get(instance, wardPath, null)).startsWith("401 ");
      assertThat(get(instance, "/patients/route-patient-0", null)).startsWith("401 ");
    }
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

  /** Status code and body, so one assertion shows both. */
  private static String get(ServiceInstance instance, String path, String authorization) {
    HttpResponse<String> response = instance.get(path, authorization);
    return response.statusCode() + " " + response.body();
  }
}
