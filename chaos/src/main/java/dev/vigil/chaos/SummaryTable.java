package dev.vigil.chaos;

import java.util.List;
import java.util.Locale;

/** The runs' results as a Markdown table, as the README's reliability section shows it. */
public final class SummaryTable {

  private static final String ROW = "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n";

  private static final int COLUMNS = 11;

  private SummaryTable() {}

  public static String markdown(List<ScenarioResult> results) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            ROW,
            "scenario",
            "service",
            "kills",
            "records in",
            "outputs",
            "expected",
            "missing",
            "duplicated",
            "dead-lettered",
            "max recovery",
            "result"));
    table.append("|" + " --- |".repeat(COLUMNS)).append('\n');
    for (ScenarioResult r : results) {
      Verification v = r.verification();
      table.append(
          String.format(
              Locale.ROOT,
              ROW,
              r.scenario(),
              r.service(),
              r.kills()
                  + (r.killsInTransaction() > 0
                      ? " (" + r.killsInTransaction() + " in a transaction)"
                      : ""),
              r.recordsIn(),
              v.outputs(),
              v.expected(),
              v.missing(),
              v.duplicated() + (v.wrong() > 0 ? " (+" + v.wrong() + " wrong)" : ""),
              r.deadLettered(),
              r.maxRecovery().toSeconds() + " s",
              r.passed() ? "pass" : "FAIL"));
    }
    return table.toString();
  }
}
