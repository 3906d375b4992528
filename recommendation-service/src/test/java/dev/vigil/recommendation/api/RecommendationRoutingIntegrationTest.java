package dev.vigil.recommendation.api;

import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.testing.ServiceInstance;
import dev.vigil.common.topic.Topic;
import dev.vigil.recommendation.RecommendationApplication;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two instances of the service share the partitions; each answers for every product and shopper,
 * forwarding to the other when the other holds the state.
 */
@EmbeddedKafkaForStreams
class RecommendationRoutingIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int PAIRS = 8;
  private static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");

  private final List<ServiceInstance> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(ServiceInstance::close);
  }

  @Test
  void shouldAnswerForEveryProductAndShopperFromEitherInstance(EmbeddedKafkaBroker broker) {
    for (int i = 0; i < 2; i++) {
      instances.add(
          ServiceInstance.start(RecommendationApplication.class, broker.getBrokersAsString()));
    }
    await().atMost(TIMEOUT).until(() -> instances.stream().allMatch(ServiceInstance::ready));

    List<ProducerRecord<byte[], byte[]>> products = new ArrayList<>();
    List<ProducerRecord<byte[], byte[]>> purchases = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      for (String id : List.of("main-" + i, "extra-" + i)) {
        products.add(record(ShopTopics.PRODUCTS, id, product(id)));
        purchases.add(
            record(
                ShopTopics.ACTIVITY,
                "buyer-" + i,
                new Activity(
                    "route-" + id,
                    "buyer-" + i,
                    "session-" + i,
                    ActivityType.PURCHASE,
                    id,
                    1,
                    null,
                    NINE_AM)));
      }
    }
    send(broker.getBrokersAsString(), products);
    // A purchase is learned only once its products are in the instance's catalogue, which each
    // instance reads on a thread of its own.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (ServiceInstance instance : instances) {
                for (int i = 0; i < PAIRS; i++) {
                  for (String id : List.of("main-" + i, "extra-" + i)) {
                    assertThat(answer(instance, "/products/" + id + "/related"))
                        .contains("\"name\":\"Product " + id + "\"");
                  }
                }
              }
            });
    send(broker.getBrokersAsString(), purchases);

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
    for (int i = 0; i < PAIRS; i++) {
      String related = "/products/main-" + i + "/related";
      String expected = "\"productId\":\"extra-" + i + "\"";
      String shopper = "/users/buyer-" + i + "/recommendations";
      String user = "\"userId\":\"buyer-" + i + "\"";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                for (ServiceInstance instance : instances) {
                  assertThat(answer(instance, related)).startsWith("200").contains(expected);
                }
                assertThat(answer(instances.get(0), shopper))
                    .startsWith("200")
                    .contains(user)
                    .isEqualTo(answer(instances.get(1), shopper));
              });
    }
  }

  private static String answer(ServiceInstance instance, String path) {
    HttpResponse<String> response = instance.get(path, null);
    return response.statusCode() + " " + response.body();
  }

  private static Product product(String id) {
    return new Product(id, "Product " + id, "routing", new BigDecimal("10.00"), true, List.of());
  }

  private static <V> ProducerRecord<byte[], byte[]> record(
      Topic<String, V> topic, String key, V value) {
    return new ProducerRecord<>(
        topic.name(),
        key.getBytes(StandardCharsets.UTF_8),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }
}
