package dev.vigil.common.health;

import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health from the Kafka Streams client state. Readiness is UP only while RUNNING: during a
 * rebalance or a restore the instance cannot answer queries for the keys it is taking over.
 * Liveness is UP while RUNNING or REBALANCING, the states a healthy instance moves between; any
 * other state after start means the client has stopped or failed and a restart is the cure.
 */
public final class KafkaStreamsHealth implements HealthIndicator {

  private final Supplier<KafkaStreams> streams;
  private final Set<State> upStates;

  private KafkaStreamsHealth(Supplier<KafkaStreams> streams, Set<State> upStates) {
    this.streams = streams;
    this.upStates = upStates;
  }

  public static KafkaStreamsHealth readiness(Supplier<KafkaStreams> streams) {
    return new KafkaStreamsHealth(streams, Set.of(State.RUNNING));
  }

  public static KafkaStreamsHealth liveness(Supplier<KafkaStreams> streams) {
    return new KafkaStreamsHealth(streams, Set.of(State.RUNNING, State.REBALANCING));
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
    Health.Builder health = upStates.contains(state) && threads > 0 ? Health.up() : Health.down();
    return health.withDetail("state", state.name()).withDetail("threads", threads).build();
  }
}
