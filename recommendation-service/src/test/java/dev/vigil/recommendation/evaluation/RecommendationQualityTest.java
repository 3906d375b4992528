package dev.vigil.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recommendation.evaluation.OfflineEvaluation.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline evaluation (see the README's "Measured quality"): Vigil's recommendations against a
 * global-popularity baseline, on the same synthetic shop, through the real topology.
 */
class RecommendationQualityTest {

  static final long SEED = 4L;
  static final int SHOPPERS = 800;

  private static Result result;

  @BeforeAll
  static void evaluate() {
    result = OfflineEvaluation.run(SEED, SHOPPERS);
    System.out.printf(
        "%d shoppers, %d events%n%s", result.shoppers(), result.events(), result.table());
  }

  @Test
  void shouldBeatThePopularityBaselineByAClearMargin() {
    assertThat(result.vigil().hitRate())
        .isGreaterThanOrEqualTo(1.5 * result.baseline().hitRate())
        .isGreaterThanOrEqualTo(result.baseline().hitRate() + 0.1);
    assertThat(result.vigil().mrr())
        .isGreaterThanOrEqualTo(1.5 * result.baseline().mrr())
        .isGreaterThanOrEqualTo(result.baseline().mrr() + 0.05);
  }

  @Test
  void shouldShowTheMeasuredTableInTheReadme() throws IOException {
    assertThat(Files.readString(Path.of("..", "README.md"))).contains(result.table());
  }
}
