package dev.vigil.chaos;

import java.time.Duration;
import java.util.List;
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
 */
public record ChaosSettings(
    Duration duration,
    int eventsPerSecond,
    int kills,
    long seed,
    Optional<Duration> sessionTimeout,
    int backlog) {

  /** Arguments for every service instance of the run. */
  List<String> serviceArguments() {
    return sessionTimeout
        .map(
            t ->
                List.of(
                    "--spring.kafka.streams.properties.session.timeout.ms=" + t.toMillis(),
                    "--spring.kafka.streams.properties.heartbeat.interval.ms="
                        + t.dividedBy(3).toMillis()))
        .orElse(List.of());
  }

  public long events() {
    return duration.toSeconds() * eventsPerSecond;
  }
}
