package dev.vigil.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's outcome for one service: a row of the summary table.
 *
 * @param kills how often the service (or, for a broker scenario, the broker) was stopped or killed
 * @param killsInTransaction of the service kills, those that left a transaction open on an output
 * @param recordsIn input events sent
 * @param deadLettered records on the service's dead-letter topic
 * @param abortedOutputs output records written and then aborted: proof that a kill hit an open
 *     transaction, and that {@code read_committed} readers never saw its outputs
 * @param maxRecovery the longest time from a kill until the service committed outputs again
 * @param notes what else was checked, or why it failed
 */
public record ScenarioResult(
    String scenario,
    String service,
    int kills,
    int killsInTransaction,
    long recordsIn,
    Verification verification,
    long deadLettered,
    long abortedOutputs,
    Duration maxRecovery,
    List<String> notes) {

  public ScenarioResult {
    notes = List.copyOf(notes);
  }

  /** A run that could not finish: it fails, saying why. */
  public static ScenarioResult failed(String scenario, String service, String reason) {
    return new ScenarioResult(
        scenario,
        service,
        0,
        0,
        0,
        new Verification(0, 0, 0, 0, 0, List.of()),
        0,
        0,
        Duration.ZERO,
        List.of("FAILED: " + reason));
  }

  /** This result with more notes, of what was checked after the outputs were verified. */
  ScenarioResult noting(List<String> more) {
    List<String> all = new ArrayList<>(notes);
    all.addAll(more);
    return new ScenarioResult(
        scenario,
        service,
        kills,
        killsInTransaction,
        recordsIn,
        verification,
        deadLettered,
        abortedOutputs,
        maxRecovery,
        all);
  }

  public boolean passed() {
    return verification.passed() && notes.stream().noneMatch(n -> n.startsWith("FAILED"));
  }
}
