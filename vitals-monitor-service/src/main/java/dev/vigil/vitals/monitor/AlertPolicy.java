package dev.vigil.vitals.monitor;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalsAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which alerts a new score raises, from what the ward was told before.
 *
 * <ul>
 *   <li>ESCALATION when the band rises above the one last announced. A partial score's band is a
 *       lower bound, so it may escalate.
 *   <li>DE_ESCALATION when a complete score's band falls below the one last announced. A partial
 *       score never de-escalates: a parameter going stale is not the patient getting better.
 *   <li>DETERIORATION when the aggregate is at least {@code rise} above the lowest complete
 *       aggregate within the trend window, and the band did not rise with it: an escalation already
 *       tells the ward, and one alert per change keeps alarms meaningful.
 * </ul>
 *
 * <p>Once an escalation or a deterioration has told the ward the aggregate, that aggregate is the
 * baseline a further deterioration is measured from.
 */
record AlertPolicy(Duration trendWindow, int rise) {

  record Outcome(PatientState state, List<VitalsAlert> alerts) {}

  Outcome apply(PatientState state, EarlyWarningScore score, Patient patient) {
    EarlyWarningScore previous = state.score();
    RiskBand announced = state.announcedBand();
    Instant at = score.eventTime();
    List<VitalsAlert> alerts = new ArrayList<>();
    List<VitalsAlert> open =
        PatientState.without(
            state.openAlerts(),
            a ->
                a.type() == AlertType.DETERIORATION
                    && a.eventTime().isBefore(at.minus(trendWindow)));

    Integer baseline = Trend.baseline(state.trend(), at, trendWindow);
    boolean risen = baseline != null && score.aggregate() - baseline >= rise;

    boolean told = false;
    if (score.riskBand().isAbove(announced)) {
      VitalsAlert escalation = Alerts.escalation(patient, score, previous, announced);
      alerts.add(escalation);
      open = PatientState.without(open, a -> a.type() == AlertType.ESCALATION);
      open.add(escalation);
      announced = score.riskBand();
      told = true;
    } else {
      if (announced.isAbove(score.riskBand()) && !score.partial()) {
        alerts.add(Alerts.deEscalation(patient, score, previous, announced));
        open =
            PatientState.without(
                open, a -> a.type() == AlertType.ESCALATION || a.type() == AlertType.DETERIORATION);
        announced = score.riskBand();
      }
      if (risen) {
        VitalsAlert deterioration = Alerts.deterioration(patient, score, baseline, trendWindow);
        alerts.add(deterioration);
        open.add(deterioration);
        told = true;
      }
    }

    List<TrendRun> trend = told ? List.of() : state.trend();
    if (!score.partial()) {
      trend = Trend.with(trend, at, score.aggregate(), trendWindow);
    }
    return new Outcome(state.scored(score, announced, trend, open), alerts);
  }
}
