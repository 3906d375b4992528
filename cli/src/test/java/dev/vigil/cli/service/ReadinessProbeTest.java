package dev.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.service.ReadinessProbe.Readiness;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

  @Test
  void shouldBeReadyWhenUp() {
    String body =
        "{\"status\":\"UP\",\"components\":{\"kafkaStreams\":{\"status\":\"UP\","
            + "\"details\":{\"state\":\"RUNNING\"}}}}";

    assertThat(ReadinessProbe.parse(200, body))
        .isEqualTo(new Readiness(true, "UP, streams RUNNING"));
  }

  @Test
  void shouldShowTheStreamsStateWhileNotReady() {
    String body =
        "{\"status\":\"DOWN\",\"components\":{\"kafkaStreams\":{\"status\":\"DOWN\","
            + "\"details\":{\"state\":\"REBALANCING\"}}}}";

    assertThat(ReadinessProbe.parse(503, body))
        .isEqualTo(new Readiness(false, "DOWN, streams REBALANCING"));
  }

  @Test
  void shouldNotBeReadyOnSomethingElseThatAnswers() {
    assertThat(ReadinessProbe.parse(404, "<html>Not Found</html>"))
        .isEqualTo(new Readiness(false, "HTTP 404"));
  }
}
