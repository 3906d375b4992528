package dev.vigil.recommendation;

import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The scenarios on spring-kafka's embedded KRaft broker, which needs no Docker. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}"
    })
@EmbeddedKafkaForStreams
class RecommendationIntegrationTest extends RecommendationScenarios {

  @Value("${spring.embedded.kafka.brokers}")
  private String brokers;

  @Override
  protected String bootstrapServers() {
    return brokers;
  }
}
