package dev.vigil.fraud.api;

import static dev.vigil.common.testing.KafkaTestClients.send;
import static dev.vigil.fraud.FraudTopologyTestBase.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.testing.ServiceInstance;
import dev.vigil.fraud.FraudDetectionApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two instances of the service share the partitions; each answers the risk API for every account,
 * forwarding to the other when the other holds the account's state.
 */
@EmbeddedKafkaForStreams
class AccountRiskRoutingIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int ACCOUNTS = 8;

  private final List<ServiceInstance> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(ServiceInstance::close);
  }

  @Test
  void shouldAnswerForEveryAccountFromEitherInstance(EmbeddedKafkaBroker broker) {
    for (int i = 0; i < 2; i++) {
      instances.add(
          ServiceInstance.start(FraudDetectionApplication.class, broker.getBrokersAsString()));
    }
    await().atMost(TIMEOUT).until(() -> instances.stream().allMatch(ServiceInstance::ready));

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
    for (int account = 0; account < ACCOUNTS; account++) {
      String expected = "\"payments\":" + (account + 1);
      String path = "/accounts/acct-" + account + "/risk";
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(instances)
                      .allSatisfy(i -> assertThat(i.get(path, null).body()).contains(expected)));
    }
  }
}
