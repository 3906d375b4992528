package dev.vigil.common.topic;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * How the topics a service owns are created: partitions bound how far a service scales out,
 * replication how many broker failures it survives (1 on one machine, 3 in production).
 */
@ConfigurationProperties("vigil.topics")
public record TopicSettings(int partitions, int replicationFactor, Duration deadLetterRetention) {

  public KafkaAdmin.NewTopics declare(List<? extends Topic<?, ?>> topics) {
    return new KafkaAdmin.NewTopics(
        topics.stream().map(t -> newTopic(t.name(), t.compacted())).toArray(NewTopic[]::new));
  }

  public NewTopic deadLetterTopic(String name) {
    return TopicBuilder.name(name)
        .partitions(partitions)
        .replicas(replicationFactor)
        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(deadLetterRetention.toMillis()))
        .build();
  }

  private NewTopic newTopic(String name, boolean compacted) {
    TopicBuilder topic = TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor);
    return compacted ? topic.compact().build() : topic.build();
  }
}
