package dev.vigil.cli.service;

import dev.vigil.common.deadletter.DeadLetterPublisher;
import dev.vigil.common.topic.TopicAccess;
import dev.vigil.simulator.SampleStream;
import java.util.List;

/**
 * A service of the suite as the CLI runs and watches it.
 *
 * @param name the module and jar name, {@code spring.application.name}, and so also the Kafka
 *     Streams application id and consumer group
 * @param label a short name for the demo's feed
 * @param port the HTTP port for health and queries
 * @param topics every topic the service reads or writes, created before it starts
 * @param access which of them its topology reads and which it writes, for its ACLs
 * @param alerts the topics whose records the demo shows as they arrive
 * @param sample the demo's sample data for the service
 */
public record VigilService(
    String name,
    String label,
    int port,
    List<KnownTopic> topics,
    TopicAccess access,
    List<AlertSource> alerts,
    SampleStream.Factory sample) {

  public VigilService {
    topics = List.copyOf(topics);
    alerts = List.copyOf(alerts);
  }

  public String deadLetterTopic() {
    return DeadLetterPublisher.topicFor(name);
  }

  public String consumerGroup() {
    return name;
  }
}
