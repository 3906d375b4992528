package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  private static ScenarioResult crashLoop(long missing, List<String> notes) {
    return new ScenarioResult(
        "crash-loop",
        "fraud-detection-service",
        3,
        2,
        1800,
        new Verification(1800, 1800 - missing, missing, 0, 0, List.of()),
        0,
        41,
        Duration.ofSeconds(21),
        notes);
  }

  @Test
  void shouldShowOneRowPerRunUnderTheHeader() {
    String table = SummaryTable.markdown(List.of(crashLoop(0, List.of())));

    assertThat(table.lines())
        .containsExactly(
            "| scenario | service | kills | records in | outputs | expected | missing | duplicated"
                + " | dead-lettered | max recovery | result |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            "| crash-loop | fraud-detection-service | 3 (2 in a transaction) | 1800 | 1800 | 1800"
                + " | 0 | 0 | 0 | 21 s | pass |");
  }

  @Test
  void shouldFailARunWithMissingOutputs() {
    String table = SummaryTable.markdown(List.of(crashLoop(5, List.of())));

    assertThat(table).contains("| 1795 | 1800 | 5 | 0 | 0 | 21 s | FAIL |");
  }

  @Test
  void shouldFailARunWithAFailedCheckEvenWhenOutputsAreRight() {
    String table =
        SummaryTable.markdown(List.of(crashLoop(0, List.of("FAILED: readiness stayed UP"))));

    assertThat(table).endsWith("| FAIL |\n");
  }
}
