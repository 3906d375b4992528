package dev.vigil.simulator.label;

import java.time.Instant;
import java.util.Map;

/**
 * The ground truth of one injected incident, on its domain's labels topic, keyed by {@code
 * entityId}: what happened to which entity, from when to when, and by when a service should have
 * said so. A record of type {@link #RUN} describes the run itself: when it started, how many
 * entities it simulated and, once it stopped, when it ended.
 *
 * @param runId the same for every label of one simulation run
 * @param domain {@code fraud}, {@code shop}, {@code vitals} or {@code iot}
 * @param type the incident type, e.g. {@code VELOCITY_BURST}, or {@link #RUN}
 * @param entityId the card, patient, device, road segment or product the incident happened to
 * @param onset the event time of the incident's first event
 * @param end the event time of its last event; for a run, {@code null} while it runs
 * @param deadline the time by which it should be detected to meet the target, if it has one
 * @param details figures that explain it (the account, the expected interval, …)
 */
public record Label(
    String runId,
    String domain,
    String type,
    String entityId,
    Instant onset,
    Instant end,
    Instant deadline,
    Map<String, Object> details) {

  /** The type of the record that describes a run rather than an incident. */
  public static final String RUN = "RUN";

  /** A run's detail: when it started live, after any history. */
  static final String STARTED_AT = "startedAt";

  public Label {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public boolean isRun() {
    return RUN.equals(type);
  }

  /** The run's record once it ended: the same, with its end. */
  public Label endedAt(Instant runEnd) {
    return new Label(runId, domain, type, entityId, onset, runEnd, deadline, details);
  }

  /** For a run's record: when it started live; runs are told apart by it. */
  public Instant startedAt() {
    Object startedAt = details.get(STARTED_AT);
    return startedAt == null ? onset : Instant.parse(startedAt.toString());
  }

  /** For a run's record: how many entities (accounts, patients, devices, shoppers) it had. */
  public int entities() {
    Object entities = details.get("entities");
    return entities instanceof Number n ? n.intValue() : 0;
  }
}
