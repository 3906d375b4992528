package dev.vigil.common.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

class TopicSettingsTest {

  private static final Topic<String, String> EVENTS = Topic.events("payments", Serdes.String());
  private static final Topic<String, String> TABLE = Topic.table("accounts", Serdes.String());

  private final TopicSettings settings = new TopicSettings(6, 3, Duration.ofDays(14));

  @Test
  void shouldDeclareEveryTopicWithThePartitionsAndReplication() {
    List<NewTopic> declared = created(settings.declare(List.of(EVENTS, TABLE)));

    assertThat(declared)
        .extracting(NewTopic::name, NewTopic::numPartitions, NewTopic::replicationFactor)
        .containsExactly(tuple("payments", 6, (short) 3), tuple("accounts", 6, (short) 3));
  }

  @Test
  void shouldCompactATable() {
    NewTopic table = declareOnly(TABLE);

    assertThat(table.configs())
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
  }

  @Test
  void shouldLeaveAnEventLogToTheBrokersCleanupPolicy() {
    NewTopic events = declareOnly(EVENTS);

    Map<String, String> configs = events.configs() == null ? Map.of() : events.configs();
    assertThat(configs).doesNotContainKey(TopicConfig.CLEANUP_POLICY_CONFIG);
  }

  @Test
  void shouldKeepDeadLettersForTheConfiguredRetention() {
    NewTopic deadLetters = settings.deadLetterTopic("fraud-detection-service.dlq");

    assertThat(deadLetters.configs())
        .containsEntry(
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(14).toMillis()));
  }

  @Test
  void shouldGiveTheDeadLetterTopicThePartitionsAndReplication() {
    NewTopic deadLetters = settings.deadLetterTopic("fraud-detection-service.dlq");

    assertThat(deadLetters.name()).isEqualTo("fraud-detection-service.dlq");
    assertThat(deadLetters.numPartitions()).isEqualTo(6);
    assertThat(deadLetters.replicationFactor()).isEqualTo((short) 3);
  }

  private NewTopic declareOnly(Topic<?, ?> topic) {
    return created(settings.declare(List.of(topic))).get(0);
  }

  /** The topics Spring's KafkaAdmin would create from a declared bean, asked without a broker. */
  private static List<NewTopic> created(KafkaAdmin.NewTopics declared) {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.registerBean(KafkaAdmin.NewTopics.class, () -> declared);
      context.refresh();
      TopicsToCreate admin = new TopicsToCreate();
      admin.setApplicationContext(context);
      return admin.topics();
    }
  }

  private static final class TopicsToCreate extends KafkaAdmin {

    TopicsToCreate() {
      super(Map.of());
    }

    List<NewTopic> topics() {
      return List.copyOf(newTopics());
    }
  }
}
