package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crash loop's fast variant on the real jars and a real broker: three SIGKILLs, at least one
 * with a transaction open, and every committed output exactly once and as recomputed.
 */
class CrashLoopIntegrationTest {

  @TempDir Path workDir;

  @ParameterizedTest
  @ValueSource(strings = {"fraud", "vitals", "iot", "recommendation"})
  void shouldLoseAndDuplicateNothingWhenKilledThreeTimes(String service) throws Exception {
    Target target = Target.named(service).orElseThrow();

    ScenarioResult result =
        FastRuns.chaos(workDir).run(Chaos.Scenario.CRASH_LOOP, target, FastRuns.SETTINGS);

    assertThat(result.kills()).isGreaterThanOrEqualTo(3);
    assertThat(result.killsInTransaction()).isPositive();
    assertThat(result.abortedOutputs()).isPositive();
    assertThat(result.verification().expected()).isPositive();
    assertThat(result.verification().examples()).isEmpty();
    assertThat(result.passed()).isTrue();
  }
}
