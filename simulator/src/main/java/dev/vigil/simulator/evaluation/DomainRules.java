package dev.vigil.simulator.evaluation;

import dev.vigil.common.fraud.FraudAlert;
import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalsAlert;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What counts as detecting what, per domain: which alerts are detections, of which entity, and
 * which alert kinds each incident type is designed to raise.
 */
public final class DomainRules {

  /** The alert kind of an escalation that calls for an urgent response (beyond a low score). */
  static final String URGENT_ESCALATION = "ESCALATION";

  /** Fraud rules fire on the payment that completes a pattern; a minute covers late arrivals. */
  public static final IncidentMatcher FRAUD =
      new IncidentMatcher(
          "fraud",
          Duration.ofMinutes(1),
          ordered(
              "VELOCITY_BURST", Set.of("velocity"),
              "IMPOSSIBLE_TRAVEL", Set.of("impossible-travel"),
              "CARD_TESTING", Set.of("card-testing"),
              "BLOCKLISTED_MERCHANT", Set.of("blocklist"),
              "ACCOUNT_TAKEOVER", Set.of("amount-anomaly")),
          Set.of());

  /** A score alert may follow a patient's recovery by a few readings; silence is on a timer. */
  public static final IncidentMatcher VITALS =
      new IncidentMatcher(
          "vitals",
          Duration.ofMinutes(15),
          ordered(
              "DETERIORATION", Set.of(URGENT_ESCALATION, "DETERIORATION"),
              "SUDDEN_EVENT", Set.of(URGENT_ESCALATION, "DETERIORATION"),
              "MONITOR_SILENT", Set.of("MONITOR_SILENT")),
          Set.of("MONITOR_SILENT"));

  /** Congestion is judged on five-minute speeds, published after the minute and its grace. */
  public static final IncidentMatcher IOT =
      new IncidentMatcher(
          "iot",
          Duration.ofMinutes(5),
          ordered(
              "THRESHOLD_BREACH", Set.of("THRESHOLD_BREACH"),
              "SPIKE", Set.of("ANOMALY"),
              "STUCK_SENSOR", Set.of("STUCK_SENSOR"),
              "DRIFT", Set.of("ANOMALY"),
              "OFFLINE", Set.of("DEVICE_OFFLINE"),
              "CONGESTION", Set.of("CONGESTION")),
          Set.of("STUCK_SENSOR", "DEVICE_OFFLINE", "CONGESTION"));

  private DomainRules() {}

  /** Every fraud alert, its kinds the rules that fired. */
  public static DetectedAlert fraud(FraudAlert alert) {
    return new DetectedAlert(
        alert.cardId(),
        alert.eventTime(),
        alert.rules().stream().map(RuleHit::ruleId).collect(Collectors.toSet()));
  }

  /**
   * Escalations beyond {@code LOW} (a ward-based response, no call for help), deteriorations and
   * silent monitors; de-escalations and resumed monitors detect nothing.
   */
  public static Optional<DetectedAlert> vitals(VitalsAlert alert) {
    return switch (alert.type()) {
      case ESCALATION ->
          alert.riskBand() == null || alert.riskBand() == RiskBand.LOW
              ? Optional.empty()
              : Optional.of(
                  DetectedAlert.of(alert.patientId(), alert.eventTime(), URGENT_ESCALATION));
      case DETERIORATION, MONITOR_SILENT ->
          Optional.of(DetectedAlert.of(alert.patientId(), alert.eventTime(), alert.type().name()));
      case DE_ESCALATION, MONITOR_RESUMED -> Optional.empty();
    };
  }

  /** Alerts opening; congestion is about its segment (the zone), the rest about the device. */
  public static Optional<DetectedAlert> iot(Alert alert) {
    if (alert.status() != AlertStatus.OPEN || alert.type() == AlertType.DEVICE_ONLINE) {
      return Optional.empty();
    }
    String entity = alert.type() == AlertType.CONGESTION ? alert.zone() : alert.deviceId();
    return entity == null
        ? Optional.empty()
        : Optional.of(DetectedAlert.of(entity, alert.eventTime(), alert.type().name()));
  }

  private static Map<String, Set<String>> ordered(Object... pairs) {
    Map<String, Set<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Set<String> kinds = (Set<String>) pairs[i + 1];
      map.put((String) pairs[i], kinds);
    }
    return map;
  }
}
