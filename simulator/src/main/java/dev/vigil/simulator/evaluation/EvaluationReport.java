package dev.vigil.simulator.evaluation;

import dev.vigil.common.json.JsonSerdes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detection quality of one simulation run, per domain and incident type, and the recommendations'
 * hit rate; as a table for the terminal, Markdown and JSON.
 *
 * @param runs per domain, the run evaluated: its id, start and end
 * @param falseUrgentAlertsPer50PatientHours vitals: urgent alerts that match no incident, per 50
 *     patient-hours of the run; null without a vitals run
 * @param recommendations null without a shop run
 */
public record EvaluationReport(
    List<Run> runs,
    List<IncidentTypeResult> results,
    Double falseUrgentAlertsPer50PatientHours,
    HitRate.Result recommendations) {

  /** A domain's run as its labels describe it. */
  public record Run(String domain, String runId, Instant start, Instant end, int entities) {}

  public String toJson() {
    return JsonSerdes.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
  }

  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        "| domain | incident | scored | detected | recall | precision | on time | delay p50 | delay p95 | under way |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (List<String> row : rows()) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    md.append('\n');
    notes().forEach(n -> md.append("- ").append(n).append('\n'));
    return md.toString();
  }

  /** Columns padded to their widest cell. */
  public String toTable() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "domain",
            "incident",
            "scored",
            "detected",
            "recall",
            "precision",
            "on time",
            "delay p50",
            "delay p95",
            "under way"));
    rows.addAll(rows());
    int[] widths = new int[rows.get(0).size()];
    rows.forEach(
        r -> {
          for (int i = 0; i < r.size(); i++) {
            widths[i] = Math.max(widths[i], r.get(i).length());
          }
        });
    StringBuilder table = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        table.append(i < 2 ? pad(cell, widths[i]) : padLeft(cell, widths[i]));
        table.append(i == row.size() - 1 ? "\n" : "  ");
      }
    }
    table.append('\n');
    notes().forEach(n -> table.append(n).append('\n'));
    return table.toString();
  }

  private List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    for (IncidentTypeResult r : results) {
      rows.add(
          List.of(
              r.domain(),
              r.incidentType(),
              Integer.toString(r.due()),
              Integer.toString(r.detected()),
              ratio(r.recall()),
              ratio(r.precision()),
              r.detected() == 0 ? "–" : r.onTime() + "/" + r.detected(),
              seconds(r.delayP50Seconds()),
              seconds(r.delayP95Seconds()),
              Integer.toString(r.pending())));
    }
    return rows;
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (Run run : runs) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: run %s, %s to %s, %d entities",
              run.domain(),
              run.runId(),
              run.start(),
              run.end() == null ? "(still running)" : run.end(),
              run.entities()));
    }
    if (falseUrgentAlertsPer50PatientHours != null) {
      notes.add(
          String.format(
              Locale.ROOT,
              "vitals: %.2f false urgent alerts per 50 patient-hours",
              falseUrgentAlertsPer50PatientHours));
    }
    if (recommendations != null) {
      notes.add(
          String.format(
              Locale.ROOT,
              "shop: hit-rate@10 %s (Vigil) vs %s (most bought), over %d purchases",
              ratio(recommendations.vigil()),
              ratio(recommendations.popularity()),
              recommendations.purchases()));
    }
    return notes;
  }

  private static String ratio(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String seconds(Double value) {
    if (value == null) {
      return "–";
    }
    return value < 120
        ? String.format(Locale.ROOT, "%.1f s", value)
        : String.format(Locale.ROOT, "%.1f min", value / 60);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(width - s.length()) + s;
  }
}
