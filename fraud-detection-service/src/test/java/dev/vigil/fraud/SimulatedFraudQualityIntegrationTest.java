package dev.vigil.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import dev.vigil.common.testing.KafkaTestClients;
import dev.vigil.simulator.Disorder;
import dev.vigil.simulator.SamplePublisher;
import dev.vigil.simulator.Samples;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.evaluation.EvaluationReport;
import dev.vigil.simulator.evaluation.Evaluator;
import dev.vigil.simulator.evaluation.IncidentMatcher;
import dev.vigil.simulator.evaluation.IncidentTypeResult;
import dev.vigil.simulator.evaluation.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A short simulation through the running service, evaluated as {@code ./vigil evaluate} does: the
 * simulator, its labels, the service and the evaluator agree end to end.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}"
    })
@EmbeddedKafkaForStreams
class SimulatedFraudQualityIntegrationTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** An hour after the start: every simulated payment is due at once, so nothing waits. */
  private static final Clock AN_HOUR_LATER =
      Clock.fixed(START.plus(Duration.ofHours(1)), ZoneOffset.UTC);

  private static final int PAYMENTS = 3_000;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * From the broker itself, not the {@code spring.embedded.kafka.brokers} system property: this
   * class shares its cached context (and broker) with another, and a test class that ran in between
   * may have left the property pointing at its own broker, stopped since.
   */
  @Autowired private EmbeddedKafkaBroker broker;

  private String brokers;

  @LocalServerPort private int port;

  @BeforeEach
  void findBroker() {
    brokers = broker.getBrokersAsString();
  }

  @Test
  void shouldDetectTheSimulatedFraudWithFewFalseAlerts() throws InterruptedException {
    long published = simulate(new Scenario(7, START, 20, 300, 0.05, Duration.ZERO));

    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                KafkaTestClients.readCommittedValues(brokers, FraudTopics.DECISIONS).size()
                    >= published);
    EvaluationReport report;
    try (TopicReader reader = new TopicReader(brokers, Duration.ofSeconds(10))) {
      report = new Evaluator(reader, AN_HOUR_LATER).evaluate();
    }

    IncidentTypeResult all =
        report.results().stream()
            .filter(r -> r.domain().equals("fraud") && r.incidentType().equals(IncidentMatcher.ALL))
            .findFirst()
            .orElseThrow();
    assertThat(all.due()).as(report.toTable()).isGreaterThan(50);
    assertThat(all.recall()).as(report.toTable()).isGreaterThanOrEqualTo(0.9);
    assertThat(all.precision()).as(report.toTable()).isGreaterThanOrEqualTo(0.8);
    assertThat(report.results())
        .filteredOn(r -> r.domain().equals("fraud"))
        .extracting(IncidentTypeResult::incidentType)
        .contains("VELOCITY_BURST", "IMPOSSIBLE_TRAVEL", "CARD_TESTING", "ACCOUNT_TAKEOVER");
  }

  private boolean blocklistApplied() throws IOException, InterruptedException {
    HttpResponse<String> rules =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/rules")).build(),
            HttpResponse.BodyHandlers.ofString());
    return rules.statusCode() == 200 && rules.body().contains("m-quickcash-777");
  }

  /** Publishes with a share of late and duplicate payments, labels included; returns the count. */
  private long simulate(Scenario scenario) throws InterruptedException {
    try (Producer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      SamplePublisher publisher =
          new SamplePublisher(
              producer,
              List.of(Samples.payments(scenario)),
              AN_HOUR_LATER,
              Disorder.realistic(scenario.seed(), 0),
              true);
      publisher.publishReferenceData();
      // Rules and accounts are read into global tables on a thread of their own: the payments must
      // not overtake them.
      await().atMost(Duration.ofMinutes(1)).until(this::blocklistApplied);
      Thread publishing = new Thread(publisher, "simulation");
      publishing.start();
      await().atMost(Duration.ofMinutes(2)).until(() -> publisher.events() >= PAYMENTS);
      publisher.stop();
      publishing.join();
      assertThat(publisher.failure()).isEmpty();
      return publisher.events();
    }
  }
}
