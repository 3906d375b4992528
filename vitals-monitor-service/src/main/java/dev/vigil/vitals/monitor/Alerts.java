package dev.vigil.vitals.monitor;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalSign;
import dev.vigil.common.vitals.VitalsAlert;
import java.time.Duration;
import java.time.Instant;

/** Builds the alerts, each with where the patient is and a sentence for the ward team. */
final class Alerts {

  private Alerts() {}

  static VitalsAlert escalation(
      Patient patient, EarlyWarningScore score, EarlyWarningScore previous, RiskBand from) {
    String reason =
        "NEWS2 "
            + score.aggregate()
            + ", "
            + score.riskBand().label()
            + " risk"
            + (previous == null ? "" : ", up from " + previous.aggregate())
            + " ("
            + from.label()
            + "): "
            + score.riskBand().response()
            + partialNote(score);
    return scoreAlert(AlertType.ESCALATION, patient, score, aggregateOf(previous), from, reason);
  }

  static VitalsAlert deEscalation(
      Patient patient, EarlyWarningScore score, EarlyWarningScore previous, RiskBand from) {
    String reason =
        "NEWS2 "
            + score.aggregate()
            + ", "
            + score.riskBand().label()
            + " risk, down from "
            + (previous == null ? "" : previous.aggregate() + " ")
            + "("
            + from.label()
            + "): "
            + score.riskBand().response();
    return scoreAlert(AlertType.DE_ESCALATION, patient, score, aggregateOf(previous), from, reason);
  }

  static VitalsAlert deterioration(
      Patient patient, EarlyWarningScore score, int baseline, Duration window) {
    String reason =
        "NEWS2 rose by "
            + (score.aggregate() - baseline)
            + " to "
            + score.aggregate()
            + " within "
            + window.toMinutes()
            + " min (lowest "
            + baseline
            + "); risk "
            + score.riskBand().label()
            + partialNote(score);
    return scoreAlert(AlertType.DETERIORATION, patient, score, baseline, score.riskBand(), reason);
  }

  static VitalsAlert silent(
      String patientId, Patient patient, PatientState state, Instant silentSince, Instant now) {
    String reason = "no reading for " + Duration.between(silentSince, now).toMinutes() + " min";
    return monitorAlert(
        AlertType.MONITOR_SILENT, patientId, patient, state, reason, silentSince, now);
  }

  static VitalsAlert resumed(
      String patientId,
      Patient patient,
      PatientState state,
      Instant silentSince,
      Instant now,
      Instant eventTime) {
    String reason =
        "readings resumed after "
            + Duration.between(silentSince, now).toMinutes()
            + " min without any";
    return monitorAlert(
        AlertType.MONITOR_RESUMED, patientId, patient, state, reason, silentSince, eventTime);
  }

  private static VitalsAlert scoreAlert(
      AlertType type,
      Patient patient,
      EarlyWarningScore score,
      Integer previousAggregate,
      RiskBand previousBand,
      String reason) {
    return new VitalsAlert(
        type,
        score.patientId(),
        patient == null ? null : patient.ward(),
        patient == null ? null : patient.bed(),
        score.aggregate(),
        score.riskBand(),
        previousAggregate,
        previousBand,
        score.partial(),
        score.subScores(),
        reason,
        null,
        score.eventTime());
  }

  private static VitalsAlert monitorAlert(
      AlertType type,
      String patientId,
      Patient patient,
      PatientState state,
      String reason,
      Instant silentSince,
      Instant eventTime) {
    EarlyWarningScore score = state.score();
    return new VitalsAlert(
        type,
        patientId,
        patient == null ? null : patient.ward(),
        patient == null ? null : patient.bed(),
        score == null ? null : score.aggregate(),
        score == null ? null : score.riskBand(),
        null,
        null,
        score == null ? null : score.partial(),
        score == null ? null : score.subScores(),
        reason,
        silentSince,
        eventTime);
  }

  private static Integer aggregateOf(EarlyWarningScore score) {
    return score == null ? null : score.aggregate();
  }

  private static String partialNote(EarlyWarningScore score) {
    if (!score.partial()) {
      return "";
    }
    int used = VitalSign.values().length - score.missing().size() - score.stale().size();
    return " (partial: "
        + used
        + " of "
        + VitalSign.values().length
        + " parameters, at least this)";
  }
}
