package dev.vigil.fraud.api;

import static dev.vigil.common.testing.KafkaTestClients.send;
import static dev.vigil.fraud.FraudTopologyTestBase.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.fraud.FraudDetectionApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Two instances of the service share the partitions; each answers the risk API for every account,
 * forwarding to the other when the other holds the account's state.
 */
@EmbeddedKafkaForStreams
class AccountRiskRoutingIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int ACCOUNTS = 8;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void shouldAnswerForEveryAccountFromEitherInstance(EmbeddedKafkaBroker broker) throws Exception {
    int first = start(broker, "a");
    int second = start(broker, "b");
    await().atMost(TIMEOUT).until(() -> ready(first) && ready(second));

    List<ProducerRecord<byte[], byte[]>> payments = new ArrayList<>();
    for (int account = 0; account < ACCOUNTS; account++) {
      for (int i = 0; i <= account; i++) {
        Transaction t =
            payment("route-" + account + "-" + i)
                .cardId("card-" + account)
                .accountId("acct-" + account)
                .build();
        payments.add(
            new ProducerRecord<>(
                FraudTopics.TRANSACTIONS.name(),
                t.cardId().getBytes(StandardCharsets.UTF_8),
                FraudTopics.TRANSACTIONS.valueSerde().serializer().serialize("", t)));
      }
    }
    send(broker.getBrokersAsString(), payments);

    assertThat(instances)
        .allSatisfy(i -> assertThat(localTasks(i)).as("tasks on each instance").isPositive());
    for (int account = 0; account < ACCOUNTS; account++) {
      String expected = "\"payments\":" + (account + 1);
      String path = "/accounts/acct-" + account + "/risk";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                assertThat(get(first, path)).contains(expected);
                assertThat(get(second, path)).contains(expected);
              });
    }
  }

  private int start(EmbeddedKafkaBroker broker, String name) throws IOException {
    int port = freePort();
    instances.add(
        new SpringApplicationBuilder(FraudDetectionApplication.class)
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
