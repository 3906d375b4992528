package dev.vigil.simulator.evaluation;

import dev.vigil.simulator.label.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches a domain's alerts to its labelled incidents: an alert matches an incident of the same
 * entity raised from the incident's onset until its end plus the tolerance. An incident is detected
 * by its first matching alert, on time if that came by its deadline. An alert that matches no
 * incident is a false positive; alerts raised after the run ended are left out (a simulation that
 * stops makes every monitor and sensor fall silent), and so are alerts that match only incidents
 * still under way.
 *
 * @param designedFor per incident type, the alert kinds the service raises for it: they make the
 *     type's precision
 * @param exclusive alert kinds that say something specific (a device is offline, a sensor stuck),
 *     which match only incidents of the types designed for them; other kinds (a rule firing on a
 *     stolen card, an anomaly on a failing sensor) match any incident of their entity
 */
public record IncidentMatcher(
    String domain,
    Duration tolerance,
    Map<String, Set<String>> designedFor,
    Set<String> exclusive) {

  public static final String ALL = "all";

  /**
   * @param runStart alerts before it belong to an earlier run
   * @param runEnd when the run's last event happened
   */
  public List<IncidentTypeResult> evaluate(
      List<Label> labels, List<DetectedAlert> alerts, Instant runStart, Instant runEnd) {
    List<Label> incidents = labels.stream().filter(l -> !l.isRun()).toList();
    List<DetectedAlert> relevant =
        alerts.stream()
            .filter(a -> !a.time().isBefore(runStart))
            .sorted(Comparator.comparing(DetectedAlert::time))
            .toList();
    Map<Label, Optional<DetectedAlert>> first = new LinkedHashMap<>();
    for (Label incident : incidents) {
      first.put(incident, relevant.stream().filter(a -> matches(a, incident)).findFirst());
    }
    List<Scored> scored = new ArrayList<>();
    for (DetectedAlert alert : relevant) {
      List<Label> matched = incidents.stream().filter(l -> matches(alert, l)).toList();
      boolean underWay = !matched.isEmpty() && matched.stream().noneMatch(l -> due(l, runEnd));
      if (underWay || (matched.isEmpty() && alert.time().isAfter(runEnd))) {
        continue;
      }
      scored.add(new Scored(alert, !matched.isEmpty()));
    }
    List<IncidentTypeResult> results = new ArrayList<>();
    for (String type : types(incidents)) {
      Set<String> kinds = designedFor.getOrDefault(type, Set.of());
      results.add(
          result(
              type,
              incidents.stream().filter(l -> l.type().equals(type)).toList(),
              scored.stream().filter(s -> kinds.stream().anyMatch(s.alert().kinds()::contains)),
              first,
              runEnd));
    }
    results.add(result(ALL, incidents, scored.stream(), first, runEnd));
    return results;
  }

  private IncidentTypeResult result(
      String type,
      List<Label> incidents,
      java.util.stream.Stream<Scored> alerts,
      Map<Label, Optional<DetectedAlert>> first,
      Instant runEnd) {
    List<Label> due = incidents.stream().filter(l -> due(l, runEnd)).toList();
    List<Double> delays = new ArrayList<>();
    int onTime = 0;
    for (Label incident : due) {
      Optional<DetectedAlert> alert = first.get(incident);
      if (alert.isPresent()) {
        delays.add(Duration.between(incident.onset(), alert.get().time()).toMillis() / 1000.0);
        if (incident.deadline() == null || !alert.get().time().isAfter(incident.deadline())) {
          onTime++;
        }
      }
    }
    List<Scored> scored = alerts.toList();
    delays.sort(null);
    return new IncidentTypeResult(
        domain,
        type,
        due.size(),
        delays.size(),
        onTime,
        incidents.size() - due.size(),
        scored.size(),
        (int) scored.stream().filter(Scored::truePositive).count(),
        percentile(delays, 0.5),
        percentile(delays, 0.95));
  }

  private boolean matches(DetectedAlert alert, Label incident) {
    Set<String> designed = designedFor.getOrDefault(incident.type(), Set.of());
    boolean specific = alert.kinds().stream().anyMatch(exclusive::contains);
    if (specific && alert.kinds().stream().noneMatch(designed::contains)) {
      return false;
    }
    return alert.entityId().equals(incident.entityId())
        && !alert.time().isBefore(incident.onset())
        && !alert.time().isAfter(incident.end().plus(tolerance));
  }

  /**
   * Scored once it ended and its deadline passed within the run; its alerts may come later, and
   * count as long as they come within the tolerance.
   */
  private boolean due(Label incident, Instant runEnd) {
    Instant last =
        incident.deadline() != null && incident.deadline().isAfter(incident.end())
            ? incident.deadline()
            : incident.end();
    return !last.isAfter(runEnd);
  }

  /** The types the matcher knows first, in its order, then any others the labels have. */
  private List<String> types(List<Label> incidents) {
    List<String> types = new ArrayList<>(designedFor.keySet());
    incidents.stream()
        .map(Label::type)
        .distinct()
        .filter(t -> !types.contains(t))
        .forEach(types::add);
    return types;
  }

  /** Nearest rank; null for no values. */
  static Double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private record Scored(DetectedAlert alert, boolean truePositive) {}
}
