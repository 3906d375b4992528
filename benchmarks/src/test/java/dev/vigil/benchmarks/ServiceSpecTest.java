package dev.vigil.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServiceSpecTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String text) {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void shouldAnswerTheInputNamedInTheSameFieldAsTheInputs() {
    JsonNode decision = json("{'transactionId':'t-7','verdict':'APPROVE'}");

    assertThat(ServiceSpec.FRAUD.outputIds(decision)).containsExactly("t-7");
    assertThat(ServiceSpec.RECOMMENDATION.outputIds(json("{'userId':'u-1'}"))).isEmpty();
  }
}
