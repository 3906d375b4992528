package dev.vigil.recommendation.api;

import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.topic.Topic;
import dev.vigil.recommendation.RecommendationApplication;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
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

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void shouldAnswerForEveryProductAndShopperFromEitherInstance(EmbeddedKafkaBroker broker)
      throws Exception {
    int first = start(broker, "a");
    int second = start(broker, "b");
    await().atMost(TIMEOUT).until(() -> ready(first) && ready(second));

    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      records.add(record(ShopTopics.PRODUCTS, "main-" + i, product("main-" + i)));
      records.add(record(ShopTopics.PRODUCTS, "extra-" + i, product("extra-" + i)));
    }
    send(broker.getBrokersAsString(), records);
    records.clear();
    for (int i = 0; i < PAIRS; i++) {
      for (String product : List.of("main-" + i, "extra-" + i)) {
        records.add(
            record(
                ShopTopics.ACTIVITY,
                "buyer-" + i,
                new Activity(
                    "route-" + i + "-" + product,
                    "buyer-" + i,
                    "session-" + i,
                    ActivityType.PURCHASE,
                    product,
                    1,
                    null,
                    NINE_AM)));
      }
    }
    send(broker.getBrokersAsString(), records);

    assertThat(instances)
        .allSatisfy(i -> assertThat(localTasks(i)).as("tasks on each instance").isPositive());
    for (int i = 0; i < PAIRS; i++) {
      String related = "/products/main-" + i + "/related";
      String expected = "\"productId\":\"extra-" + i + "\"";
      String shopper = "/users/buyer-" + i + "/recommendations";
      String user = "\"userId\":\"buyer-" + i + "\"";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                assertThat(get(first, related)).startsWith("200").contains(expected);
                assertThat(get(second, related)).startsWith("200").contains(expected);
                assertThat(get(first, shopper))
                    .startsWith("200")
                    .contains(user)
                    .isEqualTo(get(second, shopper));
              });
    }
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

  private int start(EmbeddedKafkaBroker broker, String name) throws IOException {
    int port = freePort();
    instances.add(
        new SpringApplicationBuilder(RecommendationApplication.class)
            .run(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.streams.state-dir=target/streams-state/routing-"
                    + name
                    + "-"
                    + port,
                "--vigil.topics.partitions=3"));
    return port;
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
                  request(port, "/actuator/health/readiness"),
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

  private String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        http.send(request(port, path), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
