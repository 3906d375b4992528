package dev.vigil.vitals.news2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.RiskBand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every boundary of every NEWS2 parameter, from both sides, with the half-up rounding that decides
 * which side a fractional value falls on.
 */
class News2Test {

  @ParameterizedTest(name = "RR {0} scores {1}")
  @CsvSource({
    "0, 3", "8, 3", "8.4, 3", "8.5, 1", "9, 1", "11, 1", "11.5, 0", "12, 0", "20, 0", "20.4, 0",
    "20.5, 2", "21, 2", "24, 2", "24.5, 3", "25, 3", "60, 3"
  })
  void shouldScoreRespirationRate(double rate, int score) {
    assertThat(News2.respirationRate(rate)).isEqualTo(score);
  }

  @ParameterizedTest(name = "SpO2 {0} on scale 1 scores {1}")
  @CsvSource({
    "50, 3", "91, 3", "91.4, 3", "91.5, 2", "92, 2", "93, 2", "94, 1", "95, 1", "95.5, 0", "96, 0",
    "100, 0"
  })
  void shouldScoreSpo2OnScale1(double spo2, int score) {
    assertThat(News2.spo2Scale1(spo2)).isEqualTo(score);
  }

  @ParameterizedTest(name = "SpO2 {0} on scale 2, oxygen {1}, scores {2}")
  @CsvSource({
    "50, false, 3",
    "83, false, 3",
    "83, true, 3",
    "83.5, false, 2",
    "84, false, 2",
    "85, true, 2",
    "86, false, 1",
    "87, true, 1",
    "87.5, false, 0",
    "88, false, 0",
    "88, true, 0",
    "92, false, 0",
    "92, true, 0",
    "93, false, 0",
    "97, false, 0",
    "100, false, 0",
    "92.5, true, 1",
    "93, true, 1",
    "94, true, 1",
    "95, true, 2",
    "96, true, 2",
    "97, true, 3",
    "100, true, 3"
  })
  void shouldScoreSpo2OnScale2(double spo2, boolean onOxygen, int score) {
    assertThat(News2.spo2Scale2(spo2, onOxygen)).isEqualTo(score);
  }

  @ParameterizedTest(name = "on oxygen {0} scores {1}")
  @CsvSource({"false, 0", "true, 2"})
  void shouldScoreAirOrOxygen(boolean onOxygen, int score) {
    assertThat(News2.airOrOxygen(onOxygen)).isEqualTo(score);
  }

  @ParameterizedTest(name = "systolic {0} scores {1}")
  @CsvSource({
    "40, 3",
    "90, 3",
    "90.5, 2",
    "91, 2",
    "100, 2",
    "101, 1",
    "110, 1",
    "110.5, 0",
    "111, 0",
    "219, 0",
    "219.4, 0",
    "219.5, 3",
    "220, 3",
    "300, 3"
  })
  void shouldScoreSystolicBloodPressure(double systolic, int score) {
    assertThat(News2.systolicBloodPressure(systolic)).isEqualTo(score);
  }

  @ParameterizedTest(name = "pulse {0} scores {1}")
  @CsvSource({
    "1, 3", "40, 3", "40.5, 1", "41, 1", "50, 1", "51, 0", "90, 0", "90.5, 1", "91, 1", "110, 1",
    "111, 2", "130, 2", "131, 3", "300, 3"
  })
  void shouldScorePulse(double pulse, int score) {
    assertThat(News2.pulse(pulse)).isEqualTo(score);
  }

  @ParameterizedTest(name = "{0} scores 3")
  @EnumSource(
      value = Consciousness.class,
      names = {"CONFUSION", "VOICE", "PAIN", "UNRESPONSIVE"})
  void shouldScoreAnythingButAlertAs3(Consciousness level) {
    assertThat(News2.consciousness(level)).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0} scores 0")
  @EnumSource(value = Consciousness.class, names = "ALERT")
  void shouldScoreAlertAs0(Consciousness level) {
    assertThat(News2.consciousness(level)).isEqualTo(0);
  }

  @ParameterizedTest(name = "{0} °C scores {1}")
  @CsvSource({
    "25, 3", "35.0, 3", "35.04, 3", "35.05, 1", "35.1, 1", "36.0, 1", "36.04, 1", "36.05, 0",
    "36.1, 0", "38.0, 0", "38.05, 1", "38.1, 1", "39.0, 1", "39.05, 2", "39.1, 2", "45, 2"
  })
  void shouldScoreTemperature(double celsius, int score) {
    assertThat(News2.temperature(celsius)).isEqualTo(score);
  }

  @ParameterizedTest(name = "aggregate {0}, a single 3: {1} -> {2}")
  @CsvSource({
    "0, false, NONE",
    "1, false, LOW",
    "2, false, LOW",
    "3, false, LOW",
    "4, false, LOW",
    "3, true, LOW_MEDIUM",
    "4, true, LOW_MEDIUM",
    "5, false, MEDIUM",
    "5, true, MEDIUM",
    "6, false, MEDIUM",
    "6, true, MEDIUM",
    "7, false, HIGH",
    "7, true, HIGH",
    "20, true, HIGH"
  })
  void shouldBandTheAggregate(int aggregate, boolean anySingleThree, RiskBand band) {
    assertThat(News2.riskBand(aggregate, anySingleThree)).isEqualTo(band);
  }
}
