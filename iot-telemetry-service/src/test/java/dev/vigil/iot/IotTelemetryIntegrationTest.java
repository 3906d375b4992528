package dev.vigil.iot;

import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** The scenarios on spring-kafka's embedded KRaft broker, which needs no Docker. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@TestPropertySource(
    properties = {
      "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}",
      // The scenarios' devices report right after the start; there is no backlog to wait for.
      "vigil.iot.offline.startup-grace=1s"
    })
@EmbeddedKafkaForStreams
class IotTelemetryIntegrationTest extends IotTelemetryScenarios {

  @Value("${spring.embedded.kafka.brokers}")
  private String brokers;

  @Override
  protected String bootstrapServers() {
    return brokers;
  }
}
