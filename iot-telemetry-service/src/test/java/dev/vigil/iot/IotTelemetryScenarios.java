package dev.vigil.iot;

import static dev.vigil.common.testing.KafkaTestClients.header;
import static dev.vigil.common.testing.KafkaTestClients.readCommitted;
import static dev.vigil.common.testing.KafkaTestClients.readCommittedValues;
import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.LateRecord;
import dev.vigil.common.iot.MetricAggregate;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.topic.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the real application does on a real broker: readings in, aggregates, late records, alerts
 * and dead letters read back with {@code read_committed}, the API over HTTP. Readings carry today's
 * times, since the service rejects readings ahead of its clock and measures silence on it. Each
 * subclass supplies the broker.
 */
abstract class IotTelemetryScenarios {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String DLQ = DeadLetters.topicFor("iot-telemetry-service");

  @LocalServerPort private int port;

  private final HttpClient http = HttpClient.newHttpClient();

  /** The broker the application under test uses. */
  protected abstract String bootstrapServers();

  @BeforeEach
  void awaitReady() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
  }

  @Test
  void shouldRaiseOneOfflineWithinThreeIntervalsAndOneOnlineWhenTheDeviceReturns() {
    String id = "it-silent";
    int interval = 3;
    register(new Device(id, "it-old-town", DeviceType.NOISE, null, interval, Map.of()));
    awaitRegistered(id);
    Instant lastSent = Instant.now();
    sendReadings(new Telemetry(id, lastSent, Map.of("noiseDb", 54.2), 1L));

    Alert offline =
        await()
            .atMost(TIMEOUT)
            .until(() -> alertsOf(id, AlertType.DEVICE_OFFLINE), alerts -> !alerts.isEmpty())
            .get(0);
    assertThat(offline.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(offline.zone()).isEqualTo("it-old-town");
    assertThat(offline.values().get("silentSeconds")).isBetween(3.0 * interval, 3.0 * interval + 3);
    assertThat(Duration.between(lastSent, offline.openedAt()))
        .isBetween(Duration.ofSeconds(3L * interval), Duration.ofSeconds(3L * interval + 10));
    await()
        .during(Duration.ofSeconds(2L * interval))
        .atMost(TIMEOUT)
        .until(() -> alertsOf(id, AlertType.DEVICE_OFFLINE).size() == 1);
    assertThat(get("/devices/" + id).body())
        .contains("\"online\":false")
        .contains("\"type\":\"DEVICE_OFFLINE\"");

    sendReadings(new Telemetry(id, Instant.now(), Map.of("noiseDb", 55.0), 2L));

    Alert online =
        await()
            .atMost(TIMEOUT)
            .until(() -> alertsOf(id, AlertType.DEVICE_ONLINE), alerts -> !alerts.isEmpty())
            .get(0);
    assertThat(online.alertId()).isEqualTo(offline.alertId());
    assertThat(online.status()).isEqualTo(AlertStatus.CLOSED);
    assertThat(online.durationSeconds()).isGreaterThanOrEqualTo(2L * interval);
    assertThat(alertsOf(id, AlertType.DEVICE_OFFLINE)).hasSize(1);
    assertThat(alertsOf(id, AlertType.DEVICE_ONLINE)).hasSize(1);
  }

  @Test
  void shouldAggregateEachMinuteOnceAsRecomputedFromTheInputAndAnswerForDeviceAndZone() {
    String id = "it-station";
    register(new Device(id, "it-harbour", DeviceType.WEATHER, null, 10, Map.of()));
    awaitRegistered(id);
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    double[] temperatures = {7.9, 8.4, 8.1, 9.0, 8.8, 8.6};
    List<Telemetry> readings = new ArrayList<>();
    for (int i = 0; i < temperatures.length; i++) {
      readings.add(
          new Telemetry(
              id,
              minute.plusSeconds(5 + 9L * i),
              Map.of("temperatureC", temperatures[i], "humidityPct", 80.0 + i),
              (long) i));
    }
    readings.add(readings.get(2));
    // Closes the minute: its end plus the grace period, a little ahead of the clock.
    readings.add(new Telemetry(id, minute.plusSeconds(95), Map.of("temperatureC", 9.5), 100L));
    sendReadings(readings.toArray(Telemetry[]::new));

    List<MetricAggregate> aggregates =
        await()
            .atMost(TIMEOUT)
            .until(
                () ->
                    readValues(IotTopics.AGGREGATES).stream()
                        .filter(a -> a.deviceId().equals(id))
                        .toList(),
                list -> list.size() >= 2);
    assertThat(aggregates).hasSize(2);
    MetricAggregate temperature =
        aggregates.stream()
            .filter(a -> a.metric().equals("temperatureC"))
            .findFirst()
            .orElseThrow();
    double mean = 50.8 / 6;
    double variance = 0;
    for (double t : temperatures) {
      variance += (t - mean) * (t - mean) / 6;
    }
    assertThat(temperature.windowStart()).isEqualTo(minute);
    assertThat(temperature.count()).isEqualTo(6);
    assertThat(temperature.min()).isEqualTo(7.9);
    assertThat(temperature.max()).isEqualTo(9.0);
    assertThat(temperature.mean()).isCloseTo(mean, within(1e-9));
    assertThat(temperature.stdDev()).isCloseTo(Math.sqrt(variance), within(1e-9));
    assertThat(temperature.zone()).isEqualTo("it-harbour");

    assertThat(get("/devices/" + id).body())
        .contains("\"online\":true")
        .contains("\"metric\":\"temperatureC\"")
        .contains("\"count\":6");
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(get("/zones/it-harbour").body())
                    .contains("\"deviceId\":\"" + id + "\""));

    sendReadings(new Telemetry(id, minute.plusSeconds(30), Map.of("temperatureC", 30.0), 200L));

    LateRecord late =
        await()
            .atMost(TIMEOUT)
            .until(
                () ->
                    readValues(IotTopics.LATE).stream()
                        .filter(l -> l.deviceId().equals(id))
                        .toList(),
                list -> !list.isEmpty())
            .get(0);
    assertThat(late.windowStart()).isEqualTo(minute);
    assertThat(late.reason()).contains("closed when stream time passed");
    assertThat(get("/actuator/prometheus").body())
        .contains("vigil_iot_late_records_total{")
        .contains("vigil_e2e_latency_seconds_bucket{");
  }

  @Test
  void shouldSendEveryKindOfBadInputToTheDeadLetterTopicAndKeepProcessing() {
    String noise = "it-dlq-noise";
    register(new Device(noise, "it-old-town", DeviceType.NOISE, null, 60, Map.of()));
    awaitRegistered(noise);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String valid =
        "{\"deviceId\":\"it-dlq\",\"eventTime\":\"" + now + "\",\"metrics\":{\"noiseDb\":55.0}}";
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("not json", "deserialization");
    bad.put(valid.replace("55.0", "\"loud\""), "deserialization");
    bad.put(valid.replace("55.0", "NaN"), "deserialization");
    bad.put(valid.replace("55.0", "1e400"), "validation");
    bad.put(valid.replace("\"deviceId\":\"it-dlq\",", ""), "validation");
    bad.put(valid.replace("\"eventTime\":\"" + now + "\",", ""), "validation");
    bad.put(valid.replace("noiseDb", "loudness"), "validation");
    bad.put(valid.replace(now.toString(), now.plus(Duration.ofHours(1)).toString()), "validation");
    bad.put(valid.replace("it-dlq", noise).replace("noiseDb", "pm25"), "processing");
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    bad.keySet()
        .forEach(value -> records.add(raw(value.contains(noise) ? noise : "it-dlq", value)));
    String wrongKey = valid.replace("55.0", "56.0");
    records.add(raw("someone-else", wrongKey));
    records.add(raw("it-dlq", valid));
    send(bootstrapServers(), records);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(get("/devices/it-dlq").statusCode()).isEqualTo(200));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(readCommitted(bootstrapServers(), DLQ)).hasSize(bad.size() + 1));
    for (ConsumerRecord<byte[], byte[]> letter : readCommitted(bootstrapServers(), DLQ)) {
      String original = new String(letter.value(), StandardCharsets.UTF_8);
      String expected = original.equals(wrongKey) ? "processing" : bad.get(original);
      assertThat(header(letter, DeadLetters.REASON)).as(original).isEqualTo(expected);
      assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(IotTopics.TELEMETRY.name());
      assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).isNotBlank();
    }
    assertThat(get("/actuator/prometheus").body())
        .contains("vigil_dead_letter_records_total{reason=\"validation\"");
  }

  @Test
  void shouldRejectAnInvalidDeviceIdAndAnswerNotFoundForAnUnknownOne() {
    assertThat(get("/devices/not%20an%20id").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = get("/devices/it-nobody");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"reason\":\"device it-nobody is neither registered");
  }

  private void awaitRegistered(String deviceId) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(get("/devices/" + deviceId).statusCode()).isEqualTo(200));
  }

  private List<Alert> alertsOf(String deviceId, AlertType type) {
    return readValues(IotTopics.ALERTS).stream()
        .filter(a -> Objects.equals(a.deviceId(), deviceId) && a.type() == type)
        .toList();
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    }
  }

  private void register(Device device) {
    send(
        bootstrapServers(),
        List.of(
            new ProducerRecord<>(
                IotTopics.DEVICES.name(),
                device.deviceId().getBytes(StandardCharsets.UTF_8),
                IotTopics.DEVICES.valueSerde().serializer().serialize("", device))));
  }

  private void sendReadings(Telemetry... readings) {
    send(
        bootstrapServers(),
        List.of(readings).stream()
            .map(
                r ->
                    new ProducerRecord<>(
                        IotTopics.TELEMETRY.name(),
                        r.deviceId().getBytes(StandardCharsets.UTF_8),
                        IotTopics.TELEMETRY.valueSerde().serializer().serialize("", r)))
            .toList());
  }

  private <V> List<V> readValues(Topic<String, V> topic) {
    return readCommittedValues(bootstrapServers(), topic);
  }

  private static ProducerRecord<byte[], byte[]> raw(String key, String value) {
    return new ProducerRecord<>(
        IotTopics.TELEMETRY.name(),
        key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }
}
