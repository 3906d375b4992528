package dev.vigil.vitals.api;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.RiskBand;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One admitted patient in a ward's list: score fields are {@code null} before the first reading.
 */
record WardPatient(
    String patientId,
    String bed,
    Integer aggregate,
    RiskBand riskBand,
    Boolean partial,
    List<AlertType> openAlerts,
    boolean monitorSilent,
    Instant scoredAt) {

  /** Highest score first; patients without a score last; then by bed and id, for a stable list. */
  static final Comparator<WardPatient> HIGHEST_SCORE_FIRST =
      Comparator.comparing(
              WardPatient::aggregate, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
          .thenComparing(
              WardPatient::riskBand, Comparator.nullsLast(Comparator.<RiskBand>reverseOrder()))
          .thenComparing(WardPatient::bed, Comparator.nullsLast(Comparator.<String>naturalOrder()))
          .thenComparing(WardPatient::patientId);
}
