package dev.vigil.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.simulator.label.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentMatcherTest {

  private static final Instant RUN_START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant ONSET = RUN_START.plusSeconds(60);
  private static final Instant END = ONSET.plusSeconds(30);
  private static final Instant DEADLINE = END;
  private static final Instant RUN_END = RUN_START.plus(Duration.ofMinutes(10));
  private static final Duration TOLERANCE = Duration.ofMinutes(1);

  private final IncidentMatcher matcher =
      new IncidentMatcher(
          "fraud",
          TOLERANCE,
          Map.of(
              "VELOCITY_BURST",
              Set.of("velocity"),
              "CARD_TESTING",
              Set.of("card-testing"),
              "OFFLINE",
              Set.of("DEVICE_OFFLINE")),
          Set.of("DEVICE_OFFLINE"));

  @Test
  void shouldCountAnAlertOnTheEntityWithinTheSpanAsATruePositiveOnTime() {
    IncidentTypeResult velocity =
        row(List.of(burst("c-1")), List.of(alert("c-1", END, "velocity")), "VELOCITY_BURST");

    assertThat(velocity.due()).isEqualTo(1);
    assertThat(velocity.detected()).isEqualTo(1);
    assertThat(velocity.onTime()).isEqualTo(1);
    assertThat(velocity.recall()).isEqualTo(1.0);
    assertThat(velocity.precision()).isEqualTo(1.0);
    assertThat(velocity.delayP50Seconds()).isEqualTo(30.0);
  }

  @Test
  void shouldCountAnAlertOnAnotherEntityAsAFalsePositiveAndTheIncidentAsMissed() {
    IncidentTypeResult velocity =
        row(List.of(burst("c-1")), List.of(alert("c-2", END, "velocity")), "VELOCITY_BURST");

    assertThat(velocity.detected()).isZero();
    assertThat(velocity.recall()).isEqualTo(0.0);
    assertThat(velocity.alerts()).isEqualTo(1);
    assertThat(velocity.precision()).isEqualTo(0.0);
    assertThat(velocity.delayP50Seconds()).isNull();
  }

  @Test
  void shouldMissAnIncidentWithoutAlerts() {
    IncidentTypeResult velocity = row(List.of(burst("c-1")), List.of(), "VELOCITY_BURST");

    assertThat(velocity.due()).isEqualTo(1);
    assertThat(velocity.detected()).isZero();
    assertThat(velocity.precision()).isNull();
  }

  @Test
  void shouldCountAnAlertAfterTheDeadlineButWithinTheToleranceAsDetectedLate() {
    Instant late = END.plusSeconds(45);

    IncidentTypeResult velocity =
        row(List.of(burst("c-1")), List.of(alert("c-1", late, "velocity")), "VELOCITY_BURST");

    assertThat(velocity.detected()).isEqualTo(1);
    assertThat(velocity.onTime()).isZero();
    assertThat(velocity.delayP50Seconds()).isEqualTo(75.0);
  }

  @Test
  void shouldNotMatchAnAlertBeyondTheTolerance() {
    Instant tooLate = END.plus(TOLERANCE).plusSeconds(1);

    IncidentTypeResult velocity =
        row(List.of(burst("c-1")), List.of(alert("c-1", tooLate, "velocity")), "VELOCITY_BURST");

    assertThat(velocity.detected()).isZero();
    assertThat(velocity.precision()).isEqualTo(0.0);
  }

  @Test
  void shouldNotMatchAnAlertBeforeTheOnset() {
    IncidentTypeResult velocity =
        row(
            List.of(burst("c-1")),
            List.of(alert("c-1", ONSET.minusSeconds(1), "velocity")),
            "VELOCITY_BURST");

    assertThat(velocity.detected()).isZero();
  }

  @Test
  void shouldCreditAnyRuleWithDetectionButOnlyTheTypesOwnRulesWithItsPrecision() {
    List<IncidentTypeResult> results =
        matcher.evaluate(
            List.of(burst("c-1")), List.of(alert("c-1", END, "card-testing")), RUN_START, RUN_END);

    assertThat(find(results, "VELOCITY_BURST").detected()).isEqualTo(1);
    assertThat(find(results, "VELOCITY_BURST").alerts()).isZero();
    assertThat(find(results, "CARD_TESTING").alerts()).isEqualTo(1);
    assertThat(find(results, "CARD_TESTING").precision()).isEqualTo(1.0);
  }

  @Test
  void shouldMatchAnExclusiveKindOnlyToTheTypesItIsDesignedFor() {
    List<IncidentTypeResult> results =
        matcher.evaluate(
            List.of(burst("d-1")),
            List.of(alert("d-1", END, "DEVICE_OFFLINE")),
            RUN_START,
            RUN_END);

    assertThat(find(results, "VELOCITY_BURST").detected()).isZero();
    assertThat(find(results, "OFFLINE").alerts()).isEqualTo(1);
    assertThat(find(results, "OFFLINE").precision()).isEqualTo(0.0);
  }

  @Test
  void shouldLeaveIncidentsUnderWayAndTheirAlertsOutOfTheScores() {
    Label underWay =
        label("VELOCITY_BURST", "c-1", RUN_END.minusSeconds(10), RUN_END.plusSeconds(1));

    IncidentTypeResult velocity =
        row(List.of(underWay), List.of(alert("c-1", RUN_END, "velocity")), "VELOCITY_BURST");

    assertThat(velocity.due()).isZero();
    assertThat(velocity.pending()).isEqualTo(1);
    assertThat(velocity.alerts()).isZero();
  }

  @Test
  void shouldIgnoreAlertsOfEarlierRunsAndUnmatchedAlertsAfterTheRunEnded() {
    IncidentTypeResult all =
        row(
            List.of(burst("c-1")),
            List.of(
                alert("c-9", RUN_START.minusSeconds(1), "velocity"),
                alert("c-9", RUN_END.plusSeconds(1), "velocity")),
            IncidentMatcher.ALL);

    assertThat(all.alerts()).isZero();
  }

  @Test
  void shouldTakeDelayPercentilesByNearestRank() {
    List<Double> delays = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    assertThat(IncidentMatcher.percentile(delays, 0.5)).isEqualTo(5.0);
    assertThat(IncidentMatcher.percentile(delays, 0.95)).isEqualTo(10.0);
  }

  private IncidentTypeResult row(List<Label> labels, List<DetectedAlert> alerts, String type) {
    return find(matcher.evaluate(labels, alerts, RUN_START, RUN_END), type);
  }

  private static IncidentTypeResult find(List<IncidentTypeResult> results, String type) {
    return results.stream().filter(r -> r.incidentType().equals(type)).findFirst().orElseThrow();
  }

  private static Label burst(String card) {
    return label("VELOCITY_BURST", card, ONSET, END);
  }

  private static Label label(String type, String entity, Instant onset, Instant end) {
    return new Label("run-1", "fraud", type, entity, onset, end, end, Map.of());
  }

  private static DetectedAlert alert(String entity, Instant time, String kind) {
    return DetectedAlert.of(entity, time, kind);
  }
}
