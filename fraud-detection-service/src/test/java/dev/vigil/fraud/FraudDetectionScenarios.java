package dev.vigil.fraud;

import static dev.vigil.common.testing.KafkaTestClients.header;
import static dev.vigil.common.testing.KafkaTestClients.readCommitted;
import static dev.vigil.common.testing.KafkaTestClients.readCommittedValues;
import static dev.vigil.common.testing.KafkaTestClients.send;
import static dev.vigil.fraud.FraudTopologyTestBase.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.fraud.Decision;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.topic.Topic;
import dev.vigil.fraud.rules.BlocklistRule;
import dev.vigil.fraud.rules.VelocityRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the real application does on a real broker: payments in, decisions and alerts read back with
 * {@code read_committed}, bad records in the dead-letter topic, the API over HTTP. Each subclass
 * supplies the broker.
 */
abstract class FraudDetectionScenarios {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String DLQ = DeadLetters.topicFor("fraud-detection-service");

  @LocalServerPort private int port;

  /** The broker the application under test uses. */
  protected abstract String bootstrapServers();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldDecideEveryPaymentAndAlertOnSuspiciousOnes() throws Exception {
    awaitReady();
    sendValues(
        FraudTopics.RULES,
        Map.of(BlocklistRule.ID, new RuleSetting(true, Map.of("merchants", List.of("m-shady")))));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(get("/rules").body()).contains("m-shady"));
    List<Transaction> payments = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      payments.add(
          payment("it-velo-" + i)
              .cardId("it-card-1")
              .accountId("it-acct-1")
              .at(FraudTopologyTestBase.BEGINNING.plusSeconds(i))
              .build());
    }
    payments.add(
        payment("it-shady")
            .cardId("it-card-2")
            .accountId("it-acct-2")
            .merchantId("m-shady")
            .build());

    sendPayments(payments);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(readValues(FraudTopics.DECISIONS))
                    .filteredOn(d -> d.transactionId().startsWith("it-"))
                    .extracting(d -> d.transactionId() + ":" + d.decision())
                    .containsExactlyInAnyOrder(
                        "it-velo-0:APPROVE",
                        "it-velo-1:APPROVE",
                        "it-velo-2:APPROVE",
                        "it-velo-3:APPROVE",
                        "it-velo-4:APPROVE",
                        "it-velo-5:REVIEW",
                        "it-shady:DECLINE"));
    // Awaited too: a transaction's commit marker reaches each partition on its own, so an alert
    // may become readable a moment after the decision committed with it.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(readValues(FraudTopics.ALERTS))
                    .filteredOn(a -> a.transactionId().startsWith("it-"))
                    .extracting(a -> a.transactionId() + ":" + a.rules().get(0).ruleId())
                    .containsExactlyInAnyOrder(
                        "it-velo-5:" + VelocityRule.ID, "it-shady:" + BlocklistRule.ID));
    assertThat(get("/accounts/it-acct-1/risk").body())
        .contains("\"transactionId\":\"it-velo-5\"")
        .contains("\"payments\":6");
  }

  @Test
  void shouldSendEveryKindOfBadInputToTheDeadLetterTopicAndKeepProcessing() throws Exception {
    awaitReady();
    String valid =
        new String(
            FraudTopics.TRANSACTIONS
                .valueSerde()
                .serializer()
                .serialize(
                    "", payment("dlq-good").cardId("dlq-card").accountId("dlq-acct").build()),
            StandardCharsets.UTF_8);
    Map<String, String> bad =
        Map.of(
            "not json",
            "deserialization",
            valid.replace("\"cardId\":\"dlq-card\",", ""),
            "validation",
            valid.replace("\"amount\":25.00", "\"amount\":-5"),
            "validation",
            valid.replace("\"amount\":25.00", "\"amount\":NaN"),
            "deserialization",
            valid.replace("merchant-1", "x".repeat(70_000)),
            "oversized");
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    bad.keySet().forEach(value -> records.add(raw("dlq-card", value)));
    records.add(raw("dlq-card", valid));

    send(bootstrapServers(), records);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(readValues(FraudTopics.DECISIONS))
                    .extracting(Decision::transactionId)
                    .contains("dlq-good"));
    List<ConsumerRecord<byte[], byte[]>> deadLetters = readCommitted(bootstrapServers(), DLQ);
    assertThat(deadLetters).hasSize(bad.size());
    for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
      String original = new String(letter.value(), StandardCharsets.UTF_8);
      assertThat(bad).containsKey(original);
      assertThat(header(letter, DeadLetters.REASON)).isEqualTo(bad.get(original));
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("dlq-card");
      assertThat(header(letter, DeadLetters.SOURCE_TOPIC))
          .isEqualTo(FraudTopics.TRANSACTIONS.name());
      assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
      assertThat(header(letter, DeadLetters.SERVICE)).isEqualTo("fraud-detection-service");
      assertThat(header(letter, DeadLetters.ERROR_CLASS)).isNotBlank();
      assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).isNotBlank();
    }
    assertThat(get("/actuator/prometheus").body())
        .contains("vigil_dead_letter_records_total{reason=\"validation\"")
        .contains("vigil_e2e_latency_seconds_bucket");
  }

  @Test
  void shouldRejectAnInvalidAccountIdWithAReason() throws Exception {
    HttpResponse<String> response = get("/accounts/not%20an%20id/risk");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"reason\":\"account id must be");
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

  private void sendPayments(List<Transaction> payments) {
    send(
        bootstrapServers(),
        payments.stream()
            .map(
                p ->
                    new ProducerRecord<>(
                        FraudTopics.TRANSACTIONS.name(),
                        p.cardId().getBytes(StandardCharsets.UTF_8),
                        FraudTopics.TRANSACTIONS.valueSerde().serializer().serialize("", p)))
            .toList());
  }

  private <V> void sendValues(Topic<String, V> topic, Map<String, V> values) {
    send(
        bootstrapServers(),
        values.entrySet().stream()
            .map(
                e ->
                    new ProducerRecord<>(
                        topic.name(),
                        e.getKey().getBytes(StandardCharsets.UTF_8),
                        topic.valueSerde().serializer().serialize("", e.getValue())))
            .toList());
  }

  private <V> List<V> readValues(Topic<String, V> topic) {
    return readCommittedValues(bootstrapServers(), topic);
  }

  private static ProducerRecord<byte[], byte[]> raw(String key, String value) {
    return new ProducerRecord<>(
        FraudTopics.TRANSACTIONS.name(),
        key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }
}
