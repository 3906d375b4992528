package dev.vigil.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.service.VigilServices;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

  private final List<NewTopic> topics =
      TopicSetup.newTopics(VigilServices.ALL, VigilServices.topics(), 1);

  @Test
  void shouldCreateEveryTopicOfEveryServiceAndItsDeadLetterTopic() {
    assertThat(topics)
        .extracting(NewTopic::name)
        .containsExactlyInAnyOrder(
            "payments.transactions",
            "payments.accounts",
            "fraud.rules",
            "payments.decisions",
            "fraud.alerts",
            "fraud-detection-service.dlq");
  }

  @Test
  void shouldCompactReferenceDataOnly() {
    assertThat(topics)
        .filteredOn(t -> Map.of("cleanup.policy", "compact").equals(t.configs()))
        .extracting(NewTopic::name)
        .containsExactlyInAnyOrder("payments.accounts", "fraud.rules");
  }

  @Test
  void shouldReplicateAsFarAsTheClusterAllows() {
    assertThat(topics).allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 1));
    assertThat(TopicSetup.newTopics(VigilServices.ALL, VigilServices.topics(), 5))
        .allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 3));
  }

  @Test
  void shouldGiveEveryTopicThreePartitions() {
    assertThat(topics).allSatisfy(t -> assertThat(t.numPartitions()).isEqualTo(3));
  }
}
