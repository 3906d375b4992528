package dev.vigil.iot.api;

import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.testing.ServiceInstance;
import dev.vigil.iot.IotTelemetryApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two instances share the partitions of both sides of the topology; each answers for every device
 * and every zone, forwarding to the other when the other holds the device's or the zone's state.
 */
@EmbeddedKafkaForStreams
class DeviceAndZoneRoutingIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int DEVICES = 8;
  private static final int ZONES = 4;

  private final List<ServiceInstance> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(ServiceInstance::close);
  }

  @Test
  void shouldAnswerForEveryDeviceAndZoneFromEitherInstance(EmbeddedKafkaBroker broker) {
    String brokers = broker.getBrokersAsString();
    for (int i = 0; i < 2; i++) {
      instances.add(ServiceInstance.start(IotTelemetryApplication.class, brokers));
    }
    await().atMost(TIMEOUT).until(() -> instances.stream().allMatch(ServiceInstance::ready));

    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<ProducerRecord<byte[], byte[]>> devices = new ArrayList<>();
    List<ProducerRecord<byte[], byte[]>> readings = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      String id = "route-" + d;
      Device device = new Device(id, "zone-" + d % ZONES, DeviceType.WEATHER, null, 3600, Map.of());
      devices.add(
          record(
              IotTopics.DEVICES.name(),
              id,
              IotTopics.DEVICES.valueSerde().serializer().serialize("", device)));
    }
    // A reading of every device in this minute, then one each that closes the minute, so that
    // every device's minute reaches its zone. In the other order, one device's closing reading
    // could make another's first reading on the same partition late.
    for (Instant at : List.of(minute.plusSeconds(10), minute.plusSeconds(95))) {
      for (int d = 0; d < DEVICES; d++) {
        String id = "route-" + d;
        Telemetry reading = new Telemetry(id, at, Map.of("temperatureC", 10.0 + d), null);
        readings.add(
            record(
                IotTopics.TELEMETRY.name(),
                id,
                IotTopics.TELEMETRY.valueSerde().serializer().serialize("", reading)));
      }
    }
    send(brokers, devices);
    send(brokers, readings);

    // Both instances can be ready before the group's last rebalance has given the second its
    // share of the partitions.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(instances)
                    .allSatisfy(
                        i ->
                            assertThat(i.activeTasks()).as("tasks on each instance").isPositive()));
    for (int d = 0; d < DEVICES; d++) {
      String path = "/devices/route-" + d;
      String expected = "\"zone\":\"zone-" + d % ZONES + "\"";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(instances)
                      .allSatisfy(
                          i ->
                              assertThat(i.get(path, null).body())
                                  .contains(expected)
                                  .contains("\"online\":true")));
    }
    for (int z = 0; z < ZONES; z++) {
      String path = "/zones/zone-" + z;
      String first = "\"deviceId\":\"route-" + z + "\"";
      String second = "\"deviceId\":\"route-" + (z + ZONES) + "\"";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(instances)
                      .allSatisfy(
                          i -> assertThat(i.get(path, null).body()).contains(first, second)));
    }
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
    return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
  }
}
