package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison pills' fast variant, for the fraud service: every kind of bad input at 1% lands on the
 * dead-letter topic with its reason, and every good payment is decided once. Throughput against a
 * clean run is for {@code ./vigil chaos}, not a timed test.
 */
class PoisonPillsIntegrationTest {

  /** Enough events that each kind of bad record comes up at 1%. */
  private static final ChaosSettings SETTINGS =
      new ChaosSettings(Duration.ofSeconds(20), 100, 3, 42, Optional.of(Duration.ofSeconds(6)), 0);

  @TempDir Path workDir;

  @Test
  void shouldDeadLetterEveryBadRecordAndDecideEveryGoodOne() throws Exception {
    ScenarioResult result =
        FastRuns.chaos(workDir).run(Chaos.Scenario.POISON_PILLS, Target.FRAUD, SETTINGS);

    assertThat(result.deadLettered()).isGreaterThanOrEqualTo(PoisonWorkload.Kind.values().length);
    assertThat(result.notes()).noneMatch(note -> note.startsWith("FAILED"));
    assertThat(result.verification().expected()).isPositive();
    assertThat(result.verification().examples()).isEmpty();
    assertThat(result.passed()).isTrue();
  }
}
