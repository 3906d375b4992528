package dev.vigil.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What to simulate: the seed (the same scenario gives the same stream), when it starts, the rate,
 * and optionally how many entities and how many incidents.
 *
 * @param eventsPerSecond the domain's everyday events per second, on average
 * @param entities accounts, shoppers, patients or devices; {@code null} for the domain's default
 * @param incidentRatio how often incidents happen, as each domain defines it (see the README's
 *     simulator section); {@code null} for the domain's default
 * @param history how long before {@code start} the streams whose incidents unfold over hours
 *     (vitals) begin, so that a short run still contains whole incidents; their past events are due
 *     at once
 * @param reportingInterval how often each sensor or bedside monitor reports (IoT, vitals), the same
 *     for all; {@code null} for the domain's own cadence (seconds). Real fleets often report every
 *     few minutes, and a ward every quarter of an hour or less often.
 */
public record Scenario(
    long seed,
    Instant start,
    int eventsPerSecond,
    Integer entities,
    Double incidentRatio,
    Duration history,
    Duration reportingInterval) {

  public Scenario {
    if (eventsPerSecond < 1) {
      throw new IllegalArgumentException("eventsPerSecond must be at least 1");
    }
    if (entities != null && entities < 1) {
      throw new IllegalArgumentException("entities must be at least 1");
    }
    if (incidentRatio != null && (incidentRatio < 0 || incidentRatio > 1)) {
      throw new IllegalArgumentException("incidentRatio must be between 0 and 1");
    }
    history = history == null ? Duration.ZERO : history;
    if (reportingInterval != null
        && (reportingInterval.isNegative() || reportingInterval.toSeconds() < 1)) {
      throw new IllegalArgumentException("reportingInterval must be at least a second");
    }
  }

  /** At each domain's own cadence. */
  public Scenario(
      long seed,
      Instant start,
      int eventsPerSecond,
      Integer entities,
      Double incidentRatio,
      Duration history) {
    this(seed, start, eventsPerSecond, entities, incidentRatio, history, null);
  }

  /** Default entities and incidents, no history. */
  public static Scenario of(long seed, Instant start, int eventsPerSecond) {
    return new Scenario(seed, start, eventsPerSecond, null, null, Duration.ZERO);
  }

  public int entitiesOr(int defaultEntities) {
    return entities == null ? defaultEntities : entities;
  }

  public double incidentRatioOr(double defaultRatio) {
    return incidentRatio == null ? defaultRatio : incidentRatio;
  }

  public Duration reportingIntervalOr(Duration defaultInterval) {
    return reportingInterval == null ? defaultInterval : reportingInterval;
  }

  /** Identifies the run in its labels: the start second, as in the streams' event ids. */
  public String runId() {
    return Long.toString(start.getEpochSecond(), 36) + "-" + seed;
  }
}
