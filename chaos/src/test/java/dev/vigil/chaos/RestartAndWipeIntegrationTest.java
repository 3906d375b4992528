package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean restart and state wipe's fast variant, for the fraud service: restored from its
 * checkpoint, then rebuilt from its changelogs, it still decides every payment exactly once.
 */
class RestartAndWipeIntegrationTest {

  @TempDir Path workDir;

  @Test
  void shouldDecideEveryPaymentOnceAfterRestoringAndRebuildingState() throws Exception {
    ScenarioResult result =
        FastRuns.chaos(workDir)
            .run(Chaos.Scenario.RESTART_AND_WIPE, Target.FRAUD, FastRuns.SETTINGS);

    assertThat(result.kills()).isEqualTo(2);
    assertThat(result.notes())
        .anyMatch(note -> note.startsWith("restored from the checkpoint"))
        .anyMatch(note -> note.startsWith("state deleted, rebuilt from the changelog"));
    assertThat(result.verification().expected()).isPositive();
    assertThat(result.verification().examples()).isEmpty();
    assertThat(result.passed()).isTrue();
  }
}
