package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The absent output's fast variant: the fraud service's decisions topic refuses writes for a while;
 * readiness and the log say so, and once it takes writes again every payment is decided once.
 */
class AbsentOutputIntegrationTest {

  @TempDir Path workDir;

  @Test
  void shouldReportUnwritableOutputAndLoseNothing() throws Exception {
    ScenarioResult result =
        FastRuns.chaos(workDir).run(Chaos.Scenario.ABSENT_OUTPUT, Target.FRAUD, FastRuns.SETTINGS);

    assertThat(result.notes()).noneMatch(note -> note.startsWith("FAILED"));
    assertThat(result.verification().expected()).isPositive();
    assertThat(result.verification().examples()).isEmpty();
    assertThat(result.passed()).isTrue();
  }
}
