package dev.vigil.common.topic;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The topics a service's topology reads and writes, besides the topics it makes for itself (its
 * internal and dead-letter topics): what its Kafka principal needs ACLs for. Each service's
 * topology test checks that its topology uses exactly these.
 */
public record TopicAccess(List<Topic<?, ?>> reads, List<Topic<?, ?>> writes) {

  public TopicAccess {
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
  }

  public Set<String> readNames() {
    return names(reads);
  }

  public Set<String> writeNames() {
    return names(writes);
  }

  private static Set<String> names(List<Topic<?, ?>> topics) {
    return topics.stream().map(Topic::name).collect(Collectors.toUnmodifiableSet());
  }
}
