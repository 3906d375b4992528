package dev.vigil.iot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The scenarios on the official {@code apache/kafka} image, for machines with Docker; skipped
 * without it. The application finds the broker through Boot's service connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
    properties = {
      "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}",
      // The scenarios' devices report right after the start; there is no backlog to wait for.
      "vigil.iot.offline.startup-grace=1s"
    })
@Testcontainers(disabledWithoutDocker = true)
class IotTelemetryContainerIntegrationTest extends IotTelemetryScenarios {

  @Container @ServiceConnection
  static final KafkaContainer KAFKA =
      new KafkaContainer("apache/kafka:4.3.1")
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
          .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");

  @Override
  protected String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }
}
