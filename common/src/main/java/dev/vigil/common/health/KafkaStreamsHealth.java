package dev.vigil.common.health;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health from the Kafka Streams client state. Readiness is UP only while RUNNING: during a
 * rebalance or a restore the instance cannot answer queries for the keys it is taking over.
 * Liveness is UP while RUNNING or REBALANCING, the states a healthy instance moves between; any
 * other state after start means the client has stopped or failed and a restart is the cure.
 *
 * <p>Readiness also needs the cluster: Kafka Streams stays RUNNING while every broker is
 * unreachable (its clients retry), yet it then processes nothing and answers queries from state
 * that is falling behind. The sign is the group heartbeat, which each stream thread's consumer
 * sends every few seconds (3 s by default) while it reaches its group coordinator. Liveness does
 * not need the cluster: a restart would not bring the brokers back.
 *
 * <p>Readiness also needs the stream threads to be polling. A stream thread that cannot write its
 * outputs (an output topic deleted, say) blocks in its commit while its producer retries, for ever
 * where the error is one the producer retries; its client stays RUNNING and its heartbeats go on,
 * yet it processes nothing. The sign is its consumer's last poll, which a working stream thread
 * makes many times a second.
 */
public final class KafkaStreamsHealth implements HealthIndicator {

  /** Three heartbeats missed at the default interval: the coordinator is out of reach. */
  static final long MAX_SECONDS_SINCE_HEARTBEAT = 10;

  /**
   * Far longer than a healthy stream thread goes between polls, even while it commits or restores,
   * and far shorter than the five minutes ({@code max.poll.interval.ms}) after which its group
   * gives up on it.
   */
  static final long MAX_SECONDS_SINCE_POLL = 30;

  private final Supplier<KafkaStreams> streams;
  private final Set<State> upStates;
  private final boolean needsCluster;

  private KafkaStreamsHealth(
      Supplier<KafkaStreams> streams, Set<State> upStates, boolean needsCluster) {
    this.streams = streams;
    this.upStates = upStates;
    this.needsCluster = needsCluster;
  }

  public static KafkaStreamsHealth readiness(Supplier<KafkaStreams> streams) {
    return new KafkaStreamsHealth(streams, Set.of(State.RUNNING), true);
  }

  public static KafkaStreamsHealth liveness(Supplier<KafkaStreams> streams) {
    return new KafkaStreamsHealth(streams, Set.of(State.RUNNING, State.REBALANCING), false);
  }

  @Override
  public Health health() {
    KafkaStreams kafkaStreams = streams.get();
    if (kafkaStreams == null) {
      return Health.down().withDetail("state", "NOT_STARTED").build();
    }
    State state = kafkaStreams.state();
    int threads = kafkaStreams.metadataForLocalThreads().size();
    // A client can stay RUNNING after its last stream thread died; it then processes nothing.
    boolean up = upStates.contains(state) && threads > 0;
    Health.Builder health;
    if (needsCluster) {
      long sinceHeartbeat = secondsSinceHeartbeat(kafkaStreams);
      long sincePoll = secondsSincePoll(kafkaStreams);
      health =
          up && sinceHeartbeat <= MAX_SECONDS_SINCE_HEARTBEAT && sincePoll <= MAX_SECONDS_SINCE_POLL
              ? Health.up()
              : Health.down();
      health.withDetail("secondsSinceHeartbeat", sinceHeartbeat);
      health.withDetail("secondsSincePoll", sincePoll);
    } else {
      health = up ? Health.up() : Health.down();
    }
    return health.withDetail("state", state.name()).withDetail("threads", threads).build();
  }

  /**
   * Seconds since the stream threads' consumers last sent a heartbeat to their group coordinator,
   * the longest of them; 0 before the first.
   */
  private static long secondsSinceHeartbeat(KafkaStreams kafkaStreams) {
    return longest(
        kafkaStreams, "consumer-coordinator-metrics", "last-heartbeat-seconds-ago", id -> true);
  }

  /**
   * Seconds since a stream thread's main consumer last polled, the longest of them; 0 before the
   * first. Restore consumers poll only while restoring, so they do not count.
   */
  private static long secondsSincePoll(KafkaStreams kafkaStreams) {
    return longest(
        kafkaStreams,
        "consumer-metrics",
        "last-poll-seconds-ago",
        id ->
            id.contains("-StreamThread-")
                && id.endsWith("-consumer")
                && !id.endsWith("-restore-consumer"));
  }

  private static long longest(
      KafkaStreams kafkaStreams, String group, String name, Predicate<String> clientId) {
    double longest = 0;
    for (Metric metric : kafkaStreams.metrics().values()) {
      if (metric.metricName().group().equals(group)
          && metric.metricName().name().equals(name)
          && clientId.test(metric.metricName().tags().getOrDefault("client-id", ""))
          && metric.metricValue() instanceof Number seconds) {
        longest = Math.max(longest, seconds.doubleValue());
      }
    }
    return Math.round(longest);
  }
}
