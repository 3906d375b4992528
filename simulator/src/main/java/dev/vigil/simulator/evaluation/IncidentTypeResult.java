package dev.vigil.simulator.evaluation;

/**
 * The scores of one incident type, or of a whole domain ({@code incidentType} {@code all}).
 *
 * @param due incidents that had ended, and whose deadline had passed, when the run ended: the ones
 *     scored
 * @param detected due incidents with at least one matching alert
 * @param onTime detected incidents whose first alert came by their deadline
 * @param pending incidents still under way when the run ended: not scored
 * @param alerts alerts of the kinds the service raises for this type, outside pending incidents
 * @param truePositives those of them that match an incident
 * @param delayP50Seconds from onset to first alert, median over detected incidents; null if none
 */
public record IncidentTypeResult(
    String domain,
    String incidentType,
    int due,
    int detected,
    int onTime,
    int pending,
    int alerts,
    int truePositives,
    Double delayP50Seconds,
    Double delayP95Seconds) {

  /** Null without due incidents. */
  public Double recall() {
    return due == 0 ? null : (double) detected / due;
  }

  /** Null without alerts. */
  public Double precision() {
    return alerts == 0 ? null : (double) truePositives / alerts;
  }
}
