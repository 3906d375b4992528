package dev.vigil.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;

class RecommendationPropertiesTest {

  @Test
  void shouldDefaultToWhatTheIssueAsksFor() {
    RecommendationProperties defaults = RecommendationProperties.defaults();

    assertThat(defaults.listSize()).isEqualTo(10);
    assertThat(defaults.affinity().neighbours()).isEqualTo(50);
    assertThat(defaults.trending().window()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.trending().advance()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.trending().size()).isEqualTo(10);
  }

  @Test
  void shouldWeighAPurchaseAboveAnAddToCartAboveAView() {
    RecommendationProperties.Signals signals = RecommendationProperties.defaults().signals();

    assertThat(signals.purchase()).isGreaterThan(signals.addToCart());
    assertThat(signals.addToCart()).isGreaterThan(signals.view());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "list-size, 21",
    "list-size, 0",
    "affinity.neighbours, 101",
    "shoppers.purchases, 101",
    "shoppers.session-items, 51",
    "trending.candidates, 201",
    "trending.candidates, 5",
    "trending.advance, 7m"
  })
  void shouldRefuseLimitsThatCouldOutgrowAStoredValue(String setting, String value) {
    assertThatThrownBy(
            () ->
                RecommendationProperties.of(
                    Map.of(RecommendationProperties.PREFIX + "." + setting, value)))
        .isInstanceOf(BindException.class)
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(RecommendationProperties.PREFIX + ".");
  }
}
