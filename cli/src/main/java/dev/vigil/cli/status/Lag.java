package dev.vigil.cli.status;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind: per topic, the records between its committed offsets and the
 * ends of the partitions it has committed on.
 */
record Lag(Map<String, Long> byTopic) {

  static Lag of(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
    Map<String, Long> byTopic = new TreeMap<>();
    committed.forEach(
        (partition, offset) -> {
          long behind = Math.max(0, ends.getOrDefault(partition, offset) - offset);
          byTopic.merge(partition.topic(), behind, Long::sum);
        });
    return new Lag(byTopic);
  }

  long total() {
    return byTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code 12 (payments.transactions 12)}: the total, and where it is when there is any. */
  String describe() {
    if (byTopic.isEmpty()) {
      return "no committed offsets yet";
    }
    long total = total();
    if (total == 0) {
      return "0";
    }
    StringBuilder text = new StringBuilder().append(total).append(" (");
    String separator = "";
    for (Map.Entry<String, Long> topic : byTopic.entrySet()) {
      if (topic.getValue() > 0) {
        text.append(separator).append(topic.getKey()).append(' ').append(topic.getValue());
        separator = ", ";
      }
    }
    return text.append(')').toString();
  }
}
