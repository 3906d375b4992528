package dev.vigil.common.vitals;

import java.time.Instant;
import java.util.List;

/**
 * A patient's National Early Warning Score 2, keyed by patient id on {@code vitals.scores}; emitted
 * whenever it changes.
 *
 * <p>A partial score is computed from fewer than the seven parameters, because some are {@code
 * missing} (never measured) or {@code stale} (older than the staleness limit at {@code eventTime});
 * its aggregate and band are a lower bound, never a complete score.
 *
 * @param aggregate the sum of the sub-scores, 0–20
 * @param spo2Scale the SpO2 scale the patient was scored on
 * @param readings the measurements the score used, by parameter
 * @param eventTime the time the score describes: the patient's newest reading
 */
public record EarlyWarningScore(
    String patientId,
    int aggregate,
    RiskBand riskBand,
    boolean partial,
    SubScores subScores,
    int spo2Scale,
    List<VitalSign> missing,
    List<VitalSign> stale,
    Observations readings,
    Instant eventTime) {

  public EarlyWarningScore {
    missing = List.copyOf(missing);
    stale = List.copyOf(stale);
  }

  /** Whether this is the same score as {@code other}, whichever readings or time it came from. */
  public boolean sameScoreAs(EarlyWarningScore other) {
    return other != null
        && aggregate == other.aggregate
        && riskBand == other.riskBand
        && partial == other.partial
        && spo2Scale == other.spo2Scale
        && subScores.equals(other.subScores)
        && missing.equals(other.missing)
        && stale.equals(other.stale);
  }
}
