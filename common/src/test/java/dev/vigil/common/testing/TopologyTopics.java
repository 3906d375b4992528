package dev.vigil.common.testing;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics a topology reads and writes, as Kafka Streams describes it, without its repartition
 * topics: those are internal, named after the application id at runtime.
 */
public record TopologyTopics(Set<String> reads, Set<String> writes) {

  private static final String REPARTITION_SUFFIX = "-repartition";

  public static TopologyTopics of(Topology topology) {
    Set<String> reads = new HashSet<>();
    Set<String> writes = new HashSet<>();
    TopologyDescription description = topology.describe();
    description.globalStores().forEach(store -> reads.addAll(store.source().topicSet()));
    description
        .subtopologies()
        .forEach(
            subtopology ->
                subtopology
                    .nodes()
                    .forEach(
                        node -> {
                          if (node instanceof TopologyDescription.Source source) {
                            reads.addAll(source.topicSet());
                          } else if (node instanceof TopologyDescription.Sink sink) {
                            writes.add(sink.topic());
                          }
                        }));
    reads.removeIf(TopologyTopics::isRepartition);
    writes.removeIf(TopologyTopics::isRepartition);
    return new TopologyTopics(Set.copyOf(reads), Set.copyOf(writes));
  }

  private static boolean isRepartition(String topic) {
    return topic.endsWith(REPARTITION_SUFFIX);
  }
}
