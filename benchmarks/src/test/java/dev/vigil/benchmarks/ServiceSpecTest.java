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

  @Test
  void shouldAnswerEveryReadingANews2ScoreUsed() {
    JsonNode score =
        json(
            "{'patientId':'p-1','readings':{'pulse':{'value':72,'readingId':'r-2'},"
                + "'spo2':{'value':97,'readingId':'r-1'}}}");

    assertThat(ServiceSpec.VITALS.outputIds(score)).containsExactlyInAnyOrder("r-1", "r-2");
    assertThat(ServiceSpec.VITALS.inputId(json("{'readingId':'r-2','pulse':72}"))).isEqualTo("r-2");
  }

  @Test
  void shouldNameAReadingByItsDeviceAndEventTimeAsItsAlertDoes() {
    JsonNode reading =
        json("{'deviceId':'d-1','eventTime':'2026-03-02T09:00:00Z','metrics':{'noiseDb':90}}");
    JsonNode alert =
        json(
            "{'alertId':'a','deviceId':'d-1','status':'OPEN',"
                + "'eventTime':'2026-03-02T09:00:00.000Z'}");

    assertThat(ServiceSpec.IOT.outputIds(alert)).containsExactly(ServiceSpec.IOT.inputId(reading));
  }
}
