package dev.vigil.common.vitals;

import java.time.Instant;

/**
 * An alert for the ward team, keyed by patient id on {@code vitals.alerts}, with where the patient
 * is ({@code ward} and {@code bed} are {@code null} for a patient not on {@code vitals.patients}).
 *
 * @param aggregate the current aggregate, {@code null} before the patient's first score
 * @param riskBand the current band, {@code null} before the patient's first score
 * @param previousAggregate for score alerts, the aggregate the change is measured from
 * @param previousRiskBand for score alerts, the band before the change
 * @param subScores the current sub-scores, {@code null} before the patient's first score
 * @param reason a sentence for the ward team
 * @param silentSince for monitor alerts, when the last reading arrived (or the monitor was first
 *     expected)
 * @param eventTime for score alerts the score's time; for monitor alerts the time the silence was
 *     noticed or the reading that ended it
 */
public record VitalsAlert(
    AlertType type,
    String patientId,
    String ward,
    String bed,
    Integer aggregate,
    RiskBand riskBand,
    Integer previousAggregate,
    RiskBand previousRiskBand,
    Boolean partial,
    SubScores subScores,
    String reason,
    Instant silentSince,
    Instant eventTime) {}
