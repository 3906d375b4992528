package dev.vigil.cli.demo;

import dev.vigil.cli.service.VigilService;
import dev.vigil.common.topic.Topic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of every service, and each service's dead-letter topic, before the services
 * start: a Kafka Streams application does not start on missing source topics, and a cluster may not
 * create topics on first use.
 */
public final class TopicSetup {

  /** Bounds how far a service scales out; the services create their own topics with the same. */
  public static final int PARTITIONS = 3;

  private static final int MAX_REPLICATION = 3;

  private TopicSetup() {}

  public static List<NewTopic> newTopics(
      List<VigilService> services, List<Topic<?, ?>> topics, int brokers) {
    short replication = (short) Math.min(MAX_REPLICATION, brokers);
    List<NewTopic> result = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      NewTopic created = new NewTopic(topic.name(), PARTITIONS, replication);
      if (topic.compacted()) {
        created.configs(
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      }
      result.add(created);
    }
    services.forEach(s -> result.add(new NewTopic(s.deadLetterTopic(), PARTITIONS, replication)));
    return result;
  }

  public static void create(Admin admin, List<NewTopic> topics, PrintWriter err)
      throws InterruptedException {
    int created = 0;
    for (Map.Entry<String, KafkaFuture<Void>> result :
        admin.createTopics(topics).values().entrySet()) {
      try {
        result.getValue().get();
        created++;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "Cannot create topic " + result.getKey() + ": " + e.getCause().getMessage(), e);
        }
      }
    }
    err.println(
        "Topics: "
            + topics.size()
            + " ("
            + created
            + " created, "
            + (topics.size() - created)
            + " already there)");
  }
}
