package dev.vigil.recommendation;

import static dev.vigil.common.testing.KafkaTestClients.header;
import static dev.vigil.common.testing.KafkaTestClients.readCommitted;
import static dev.vigil.common.testing.KafkaTestClients.readCommittedValues;
import static dev.vigil.common.testing.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.topic.Topic;
import dev.vigil.recommendation.activity.UnknownProductException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the real application does on a real broker: activity in, lists read back with {@code
 * read_committed}, bad records in the dead-letter topic, the API over HTTP. Each subclass supplies
 * the broker. Every scenario uses its own products, categories and shoppers.
 */
abstract class RecommendationScenarios {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String DLQ = DeadLetters.topicFor("recommendation-service");
  private static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");

  @LocalServerPort private int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger events = new AtomicInteger();

  /** The broker the application under test uses. */
  protected abstract String bootstrapServers();

  @Test
  void shouldRecommendWhatOthersBoughtWithALaptopToANewcomerWhoViewsIt() throws Exception {
    awaitReady();
    sendProducts(
        product("it-laptop", "Laptop Pro 14", "it-laptops"),
        product("it-bag", "Laptop Bag", "it-bags"),
        product("it-mouse", "Wireless Mouse", "it-accessories"),
        product("it-phone", "Phone X", "it-phones"));
    List<Activity> history = new ArrayList<>();
    for (String buyer : List.of("it-ann", "it-ben", "it-cas")) {
      for (ActivityType type : List.of(ActivityType.VIEW, ActivityType.PURCHASE)) {
        for (String product : List.of("it-laptop", "it-bag", "it-mouse")) {
          if (!buyer.equals("it-cas") || !product.equals("it-mouse")) {
            history.add(activity(buyer, type, product, NINE_AM));
          }
        }
      }
    }
    sendActivity(history);
    AtomicInteger probes = new AtomicInteger();
    // Each probe is a new shopper: a list is computed once, when its view arrives, so a probe
    // that came before the purchases were learned is never updated and the next one is sent.
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptionsInstanceOf(ConditionTimeoutException.class)
        .untilAsserted(
            () -> {
              String probe = "it-probe-" + probes.incrementAndGet();
              sendActivity(List.of(activity(probe, ActivityType.VIEW, "it-laptop", NINE_AM)));
              await()
                  .atMost(Duration.ofSeconds(5))
                  .untilAsserted(
                      () ->
                          assertThat(get("/users/" + probe + "/recommendations").body())
                              .contains("Bought together with Laptop Pro 14"));
            });

    Recommendations list;
    try (KafkaConsumer<String, byte[]> consumer = tail(ShopTopics.RECOMMENDATIONS.name())) {
      sendActivity(
          List.of(
              activity("it-newcomer-1", ActivityType.VIEW, "it-laptop", NINE_AM.plusSeconds(60))));
      list = awaitListFor(consumer, "it-newcomer-1");
    }

    assertThat(list.productIds()).startsWith("it-bag", "it-mouse").doesNotContain("it-laptop");
    assertThat(list.items().get(0).reason()).isEqualTo("Bought together with Laptop Pro 14");
    assertThat(get("/users/it-newcomer-1/recommendations").body())
        .contains("\"coldStart\":false")
        .contains("\"reason\":\"Bought together with Laptop Pro 14\"");
    assertThat(get("/products/it-laptop/related").body())
        .contains("\"productId\":\"it-bag\"")
        .contains("\"name\":\"Laptop Pro 14\"");
  }

  @Test
  void shouldPublishTrendingPerCategoryOnceTheWindowCloses() throws Exception {
    awaitReady();
    sendProducts(
        product("tr-kettle", "Kettle", "tr-kitchen"),
        product("tr-toaster", "Toaster", "tr-kitchen"));
    sendActivity(
        List.of(
            activity("tr-ann", ActivityType.PURCHASE, "tr-kettle", NINE_AM.plusSeconds(1)),
            activity("tr-ben", ActivityType.VIEW, "tr-toaster", NINE_AM.plusSeconds(2)),
            activity("tr-cas", ActivityType.VIEW, "tr-toaster", NINE_AM.plusSeconds(7 * 60))));

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(readValues(ShopTopics.TRENDING))
                    .filteredOn(t -> t.category().equals("tr-kitchen"))
                    .first()
                    .satisfies(
                        t -> assertThat(t.windowEnd()).isEqualTo(NINE_AM.plusSeconds(5 * 60)))
                    .satisfies(
                        t -> assertThat(t.products().get(0).productId()).isEqualTo("tr-kettle")));
    assertThat(get("/categories/tr-kitchen/trending").body())
        .contains("\"category\":\"tr-kitchen\"")
        .contains("\"productId\":\"tr-kettle\"");
  }

  @Test
  void shouldSendBadActivityToTheDeadLetterTopicWithAReasonAndKeepGoing() throws Exception {
    awaitReady();
    sendProducts(
        product("dlq-lamp", "Lamp", "dlq-lighting"), product("dlq-shade", "Shade", "dlq-lighting"));
    String valid =
        new String(
            ShopTopics.ACTIVITY
                .valueSerde()
                .serializer()
                .serialize("", activity("dlq-user", ActivityType.VIEW, "dlq-lamp", NINE_AM)),
            StandardCharsets.UTF_8);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("not json", "deserialization");
    bad.put(valid.replace("\"userId\":\"dlq-user\",", ""), "validation");
    bad.put(valid.replace("\"quantity\":1", "\"quantity\":-2"), "validation");
    bad.put(valid.replace("\"type\":\"VIEW\"", "\"type\":\"WISHLIST\""), "validation");
    bad.put(
        valid.replace("\"productId\":\"dlq-lamp\"", "\"productId\":\"dlq-ghost\""), "processing");
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    bad.keySet().forEach(value -> records.add(raw("dlq-user", value)));
    records.add(raw("dlq-user", valid.replace("\"eventId\":\"", "\"eventId\":\"good-1-")));
    records.add(
        raw(
            "dlq-user",
            valid
                .replace("\"eventId\":\"", "\"eventId\":\"good-2-")
                .replace("dlq-lamp", "dlq-shade")));

    send(bootstrapServers(), records);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(readCommitted(bootstrapServers(), DLQ)).hasSize(bad.size()));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(get("/products/dlq-lamp/related").body())
                    .contains("\"productId\":\"dlq-shade\""));
    for (ConsumerRecord<byte[], byte[]> letter : readCommitted(bootstrapServers(), DLQ)) {
      String original = new String(letter.value(), StandardCharsets.UTF_8);
      assertThat(bad).containsKey(original);
      assertThat(header(letter, DeadLetters.REASON)).isEqualTo(bad.get(original));
      assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(ShopTopics.ACTIVITY.name());
      assertThat(header(letter, DeadLetters.SERVICE)).isEqualTo("recommendation-service");
      assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).isNotBlank();
      if (original.contains("dlq-ghost")) {
        assertThat(header(letter, DeadLetters.ERROR_CLASS))
            .isEqualTo(UnknownProductException.class.getName());
        assertThat(header(letter, DeadLetters.ERROR_MESSAGE))
            .contains("productId dlq-ghost is not in shop.products");
      }
      if (original.contains("WISHLIST")) {
        assertThat(header(letter, DeadLetters.ERROR_MESSAGE))
            .contains("type must be one of [VIEW, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE]");
      }
    }
    assertThat(get("/actuator/prometheus").body())
        .contains("vigil_dead_letter_records_total{reason=\"validation\"")
        .contains("vigil_dead_letter_records_total{reason=\"processing\"");
  }

  @Test
  void shouldRejectAnInvalidUserIdWithAReason() throws Exception {
    HttpResponse<String> response = get("/users/not%20an%20id/recommendations");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"reason\":\"user id must be");
  }

  @Test
  void shouldAnswerNotFoundForAProductNobodyKnows() throws Exception {
    awaitReady();

    HttpResponse<String> response = get("/products/nobody-knows-it/related");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"reason\":\"product nobody-knows-it is unknown\"");
  }

  private Activity activity(String userId, ActivityType type, String productId, Instant at) {
    return new Activity(
        "it-ev-" + events.incrementAndGet(),
        userId,
        userId + "-session",
        type,
        productId,
        1,
        null,
        at);
  }

  private static Product product(String id, String name, String category) {
    return new Product(id, name, category, new BigDecimal("49.00"), true, List.of());
  }

  private void sendProducts(Product... products) {
    send(
        bootstrapServers(),
        List.of(products).stream()
            .map(p -> record(ShopTopics.PRODUCTS, p.productId(), p))
            .toList());
  }

  private void sendActivity(List<Activity> activities) {
    send(
        bootstrapServers(),
        activities.stream().map(a -> record(ShopTopics.ACTIVITY, a.userId(), a)).toList());
  }

  private static <V> ProducerRecord<byte[], byte[]> record(
      Topic<String, V> topic, String key, V value) {
    return new ProducerRecord<>(
        topic.name(),
        key.getBytes(StandardCharsets.UTF_8),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  private static ProducerRecord<byte[], byte[]> raw(String key, String value) {
    return new ProducerRecord<>(
        ShopTopics.ACTIVITY.name(),
        key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }

  /** A read-committed consumer positioned at the current end of every partition of a topic. */
  private KafkaConsumer<String, byte[]> tail(String topic) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private static Recommendations awaitListFor(KafkaConsumer<String, byte[]> consumer, String user) {
    List<Recommendations> found = new ArrayList<>();
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ZERO)
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                if (user.equals(r.key())) {
                  found.add(
                      ShopTopics.RECOMMENDATIONS
                          .valueSerde()
                          .deserializer()
                          .deserialize(r.topic(), r.value()));
                }
              }
              return !found.isEmpty();
            });
    return found.get(0);
  }

  private <V> List<V> readValues(Topic<String, V> topic) {
    return readCommittedValues(bootstrapServers(), topic);
  }

  private void awaitReady() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
