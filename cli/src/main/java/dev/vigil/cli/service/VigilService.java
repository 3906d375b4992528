package dev.vigil.cli.service;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.topic.Topic;
import dev.vigil.common.topic.TopicAccess;
import dev.vigil.simulator.SampleStream;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.label.Label;
import java.util.List;
import java.util.function.Function;

/**
 * A service of the suite as the CLI runs and watches it.
 *
 * @param name the module and jar name, {@code spring.application.name}, and so also the Kafka
 *     Streams application id and consumer group
 * @param label a short name for the demo's feed, and the simulator's name of its domain
 * @param port the HTTP port for health and queries
 * @param topics every topic the service reads or writes, created before it starts
 * @param access which of them its topology reads and which it writes, for its ACLs
 * @param alerts the topics whose records the demo shows as they arrive
 * @param sample the simulated data for the service
 * @param labels where the simulator writes the ground truth of the incidents it injects
 */
public record VigilService(
    String name,
    String label,
    int port,
    List<KnownTopic> topics,
    TopicAccess access,
    List<AlertSource> alerts,
    Function<Scenario, SampleStream> sample,
    Topic<String, Label> labels) {

  public VigilService {
    topics = List.copyOf(topics);
    alerts = List.copyOf(alerts);
  }

  public String deadLetterTopic() {
    return DeadLetters.topicFor(name);
  }

  public String consumerGroup() {
    return name;
  }
}
