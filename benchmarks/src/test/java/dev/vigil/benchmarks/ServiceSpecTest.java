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
  void shouldAnswerTheReadingThatChangedAScoreNotTheOlderOnesItStillUses() {
    JsonNode score =
        json(
            "{'patientId':'p-1','aggregate':5,'eventTime':'2026-03-02T09:05:00Z','readings':{"
                + "'pulse':{'value':120,'eventTime':'2026-03-02T09:05:00Z','readingId':'r-2'},"
                + "'temperature':{'value':39.2,'eventTime':'2026-03-02T09:05:00Z','readingId':'r-2'},"
                + "'spo2':{'value':95,'eventTime':'2026-03-02T09:00:00Z','readingId':'r-1'},"
                + "'consciousness':null}}");

    assertThat(ServiceSpec.VITALS.outputIds(score)).containsOnly("r-2");
  }

  @Test
  void shouldAnswerTheInputNamedInTheSameFieldAsTheInputs() {
    JsonNode decision = json("{'transactionId':'t-7','verdict':'APPROVE'}");

    assertThat(ServiceSpec.FRAUD.outputIds(decision)).containsExactly("t-7");
    assertThat(ServiceSpec.RECOMMENDATION.outputIds(json("{'userId':'u-1'}"))).isEmpty();
  }
}
