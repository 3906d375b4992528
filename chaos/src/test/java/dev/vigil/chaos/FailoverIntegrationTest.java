package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out and failover's fast variant, for the fraud service: two instances with a standby
 * replica share the partitions and answer alike for any account; one is killed and the other
 * decides every payment once.
 */
class FailoverIntegrationTest {

  @TempDir Path workDir;

  @Test
  void shouldShareTasksAnswerFromEitherAndTakeOverExactlyOnce() throws Exception {
    ScenarioResult result =
        FastRuns.chaos(workDir).run(Chaos.Scenario.FAILOVER, Target.FRAUD, FastRuns.SETTINGS);

    assertThat(result.kills()).isEqualTo(1);
    assertThat(result.notes())
        .anyMatch(note -> note.startsWith("partitions per instance"))
        .anyMatch(note -> note.contains("keys answered alike by both instances"))
        .noneMatch(note -> note.startsWith("FAILED"));
    assertThat(result.verification().expected()).isPositive();
    assertThat(result.verification().examples()).isEmpty();
    assertThat(result.passed()).isTrue();
  }
}
