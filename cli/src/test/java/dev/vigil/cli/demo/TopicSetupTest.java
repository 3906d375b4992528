package dev.vigil.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.service.KnownTopic;
import dev.vigil.cli.service.VigilService;
import dev.vigil.cli.service.VigilServices;
import dev.vigil.common.topic.Topic;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

  private static final VigilService FRAUD = VigilServices.FRAUD_DETECTION;

  private final List<NewTopic> topics = newTopics(1);

  private static List<NewTopic> newTopics(int brokers) {
    return TopicSetup.newTopics(
        List.of(FRAUD),
        FRAUD.topics().stream().<Topic<?, ?>>map(KnownTopic::topic).toList(),
        brokers);
  }

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
    assertThat(newTopics(5))
        .allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 3));
  }

  @Test
  void shouldGiveEveryTopicThreePartitions() {
    assertThat(topics).allSatisfy(t -> assertThat(t.numPartitions()).isEqualTo(3));
  }
}
