package dev.vigil.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How hard a run pushes: how long and how fast the workload flows, how often the service is killed,
 * and the seed that makes the workload and the kill times repeatable.
 *
 * @param duration how long the workload is fed; kills are spread over it
 * @param eventsPerSecond the feed rate
 * @param kills how many times the service is killed (at least three in a crash loop)
 * @param seed seeds the workload and the kill times
 * @param sessionTimeout the services' consumer session timeout, empty for their default (45 s): a
 *     SIGKILLed instance's partitions wait that long before the group hands them on, also to the
 *     instance's own successor, so it bounds the recovery time from below
 * @param backlog how many events each catch-up of the poison-pills throughput check sends; 0 skips
 *     that check (a timing, which fast runs in tests leave out)
 * @param streamsProtocol whether the services join with the streams rebalance protocol (KIP-1071)
 *     instead of the classic one; its session timeout and standby replicas are the group's settings
 *     on the broker, which the run sets
 */
public record ChaosSettings(
    Duration duration,
    int eventsPerSecond,
    int kills,
    long seed,
    Optional<Duration> sessionTimeout,
    int backlog,
    boolean streamsProtocol) {

  /** With the classic rebalance protocol. */
  public ChaosSettings(
      Duration duration,
      int eventsPerSecond,
      int kills,
      long seed,
      Optional<Duration> sessionTimeout,
      int backlog) {
    this(duration, eventsPerSecond, kills, seed, sessionTimeout, backlog, false);
  }

  /** Arguments for every service instance of the run. */
  List<String> serviceArguments() {
    List<String> arguments = new ArrayList<>();
    sessionTimeout.ifPresent(
        t -> {
          arguments.add("--spring.kafka.streams.properties.session.timeout.ms=" + t.toMillis());
          arguments.add(
              "--spring.kafka.streams.properties.heartbeat.interval.ms="
                  + t.dividedBy(3).toMillis());
        });
    if (streamsProtocol) {
      arguments.add("--spring.kafka.streams.properties.group.protocol=streams");
    }
    return arguments;
  }

  /**
   * The group settings on the broker that stand for the clients' under the streams protocol: the
   * session timeout and its heartbeat, as {@link #serviceArguments()} gives them to classic ones.
   */
  Map<String, String> streamsGroupSettings() {
    return sessionTimeout
        .map(
            t ->
                Map.of(
                    "streams.session.timeout.ms",
                    Long.toString(t.toMillis()),
                    "streams.heartbeat.interval.ms",
                    Long.toString(t.dividedBy(3).toMillis())))
        .orElse(Map.of());
  }

  public long events() {
    return duration.toSeconds() * eventsPerSecond;
  }
}
