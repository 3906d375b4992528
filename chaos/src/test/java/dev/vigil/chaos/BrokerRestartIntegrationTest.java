package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restart's fast variant: the broker stopped cleanly, then killed, under the fraud
 * service; it rides through on the same process and threads, and decides every payment once.
 */
class BrokerRestartIntegrationTest {

  @TempDir Path workDir;

  @Test
  void shouldRideThroughBrokerRestartsWithNothingLost() throws Exception {
    ScenarioResult result =
        FastRuns.chaos(workDir).run(Chaos.Scenario.BROKER_RESTART, Target.FRAUD, FastRuns.SETTINGS);

    assertThat(result.kills()).isEqualTo(2);
    assertThat(result.notes()).noneMatch(note -> note.startsWith("FAILED"));
    assertThat(result.verification().expected()).isPositive();
    assertThat(result.verification().examples()).isEmpty();
    assertThat(result.passed()).isTrue();
  }
}
