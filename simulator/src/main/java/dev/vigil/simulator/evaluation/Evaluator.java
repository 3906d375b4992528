package dev.vigil.simulator.evaluation;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.simulator.label.Label;
import dev.vigil.simulator.label.LabelTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Scores the latest simulation run found on the labels topics against the services' outputs, each
 * domain's run on its own: alerts of that run (from its start on) against its labels, and for the
 * shop the recommendations shown during it.
 */
public final class Evaluator {

  private final TopicReader reader;
  private final Clock clock;

  public Evaluator(TopicReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  public EvaluationReport evaluate() {
    List<EvaluationReport.Run> runs = new ArrayList<>();
    List<IncidentTypeResult> results = new ArrayList<>();
    Double falseUrgent = null;
    HitRate.Result recommendations = null;

    Optional<Scope> fraud = scope(LabelTopics.FRAUD, runs);
    if (fraud.isPresent()) {
      List<DetectedAlert> alerts =
          reader.readAll(FraudTopics.ALERTS).stream().map(DomainRules::fraud).toList();
      results.addAll(fraud.get().score(DomainRules.FRAUD, alerts));
    }
    Optional<Scope> vitals = scope(LabelTopics.VITALS, runs);
    if (vitals.isPresent()) {
      Scope scope = vitals.get();
      List<DetectedAlert> alerts =
          reader.readAll(VitalsTopics.ALERTS).stream()
              .flatMap(a -> DomainRules.vitals(a).stream())
              .toList();
      List<IncidentTypeResult> scored = scope.score(DomainRules.VITALS, alerts);
      results.addAll(scored);
      IncidentTypeResult all = scored.get(scored.size() - 1);
      double patientHours =
          scope.run().entities()
              * Duration.between(scope.start(), scope.end()).toSeconds()
              / 3600.0;
      falseUrgent =
          patientHours == 0 ? null : (all.alerts() - all.truePositives()) * 50 / patientHours;
    }
    Optional<Scope> iot = scope(LabelTopics.IOT, runs);
    if (iot.isPresent()) {
      List<DetectedAlert> alerts =
          reader.readAll(IotTopics.ALERTS).stream()
              .flatMap(a -> DomainRules.iot(a).stream())
              .toList();
      results.addAll(iot.get().score(DomainRules.IOT, alerts));
    }
    Optional<Scope> shop = scope(LabelTopics.SHOP, runs);
    if (shop.isPresent()) {
      Scope scope = shop.get();
      List<Activity> activity =
          within(reader.readAll(ShopTopics.ACTIVITY), Activity::eventTime, scope);
      List<Recommendations> lists =
          within(reader.readAll(ShopTopics.RECOMMENDATIONS), Recommendations::eventTime, scope);
      recommendations = HitRate.evaluate(activity, lists);
    }
    return new EvaluationReport(runs, results, falseUrgent, recommendations);
  }

  /** The domain's latest run, with its labels; empty if it has none. */
  private Optional<Scope> scope(
      dev.vigil.common.topic.Topic<String, Label> topic, List<EvaluationReport.Run> runs) {
    List<Label> labels = reader.readAll(topic);
    Optional<Label> latest =
        labels.stream()
            .filter(Label::isRun)
            .max(
                Comparator.comparing(Label::startedAt)
                    .thenComparing(l -> l.end() == null ? Instant.MIN : l.end()));
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Label run = latest.get();
    // A run record without an end is the one written when it began: it is still running, or was
    // killed; its end is now.
    Instant end = run.end() == null ? clock.instant() : run.end();
    runs.add(
        new EvaluationReport.Run(
            run.domain(), run.runId(), run.onset(), run.end(), run.entities()));
    List<Label> ofRun = labels.stream().filter(l -> l.runId().equals(run.runId())).toList();
    return Optional.of(new Scope(run, ofRun, run.onset(), end));
  }

  private static <T> List<T> within(List<T> values, Function<T, Instant> time, Scope scope) {
    return values.stream()
        .filter(v -> !time.apply(v).isBefore(scope.start()) && !time.apply(v).isAfter(scope.end()))
        .toList();
  }

  private record Scope(Label run, List<Label> labels, Instant start, Instant end) {

    List<IncidentTypeResult> score(IncidentMatcher matcher, List<DetectedAlert> alerts) {
      List<Label> incidents = labels.stream().filter(l -> !l.isRun()).distinct().toList();
      return matcher.evaluate(incidents, alerts, start, end);
    }
  }
}
