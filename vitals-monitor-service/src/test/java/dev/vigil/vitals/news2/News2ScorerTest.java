package dev.vigil.vitals.news2;

import static dev.vigil.common.testing.VitalsReadingBuilder.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.testing.VitalsReadingBuilder;
import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Measurement;
import dev.vigil.common.vitals.Observations;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.SubScores;
import dev.vigil.common.vitals.VitalSign;
import dev.vigil.common.vitals.VitalsReading;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class News2ScorerTest {

  private static final Instant NOW = VitalsReadingBuilder.NINE_AM;
  private static final Duration STALENESS = Duration.ofMinutes(15);

  @Test
  void shouldScoreNormalVitalsAs0AndComplete() {
    EarlyWarningScore score = score(observed(reading().normal().build()), 1, NOW);

    assertThat(score.aggregate()).isZero();
    assertThat(score.riskBand()).isEqualTo(RiskBand.NONE);
    assertThat(score.partial()).isFalse();
    assertThat(score.missing()).isEmpty();
    assertThat(score.stale()).isEmpty();
    assertThat(score.subScores()).isEqualTo(new SubScores(0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void shouldScoreADeterioratedPatientParameterByParameter() {
    VitalsReading reading =
        reading().normal().respirationRate(26).spo2(91).pulse(125).temperature(39.2).build();

    EarlyWarningScore score = score(observed(reading), 1, NOW);

    assertThat(score.subScores()).isEqualTo(new SubScores(3, 3, 0, 0, 2, 0, 2));
    assertThat(score.aggregate()).isEqualTo(10);
    assertThat(score.riskBand()).isEqualTo(RiskBand.HIGH);
  }

  @Test
  void shouldBandASingleExtremeParameterLowMedium() {
    EarlyWarningScore score =
        score(observed(reading().normal().consciousness(Consciousness.VOICE).build()), 1, NOW);

    assertThat(score.aggregate()).isEqualTo(3);
    assertThat(score.riskBand()).isEqualTo(RiskBand.LOW_MEDIUM);
  }

  @Test
  void shouldMarkAScoreFromSomeParametersPartialAndNameTheMissingOnes() {
    EarlyWarningScore score = score(observed(reading().pulse(135).spo2(97).build()), 1, NOW);

    assertThat(score.partial()).isTrue();
    assertThat(score.aggregate()).isEqualTo(3);
    assertThat(score.missing())
        .containsExactly(
            VitalSign.RESPIRATION_RATE,
            VitalSign.SUPPLEMENTAL_OXYGEN,
            VitalSign.SYSTOLIC_BLOOD_PRESSURE,
            VitalSign.CONSCIOUSNESS,
            VitalSign.TEMPERATURE);
    assertThat(score.subScores().respirationRate()).isNull();
    assertThat(score.readings().respirationRate()).isNull();
    assertThat(score.readings().pulse().value()).isEqualTo(135.0);
  }

  @Test
  void shouldStillCountAValueExactlyAsOldAsTheStalenessLimit() {
    EarlyWarningScore score = score(observed(reading().normal().build()), 1, NOW.plus(STALENESS));

    assertThat(score.partial()).isFalse();
  }

  @Test
  void shouldNotCountAValueOlderThanTheStalenessLimit() {
    EarlyWarningScore score =
        score(
            observed(reading().normal().pulse(135).build()), 1, NOW.plus(STALENESS).plusMillis(1));

    assertThat(score.partial()).isTrue();
    assertThat(score.stale()).hasSize(7);
    assertThat(score.aggregate()).isZero();
    assertThat(score.readings()).isEqualTo(Observations.NONE);
  }

  @Test
  void shouldScoreSpo2OnScale2WithTheOxygenRule() {
    VitalsReading reading = reading().normal().spo2(97).supplementalOxygen(true).build();

    assertThat(score(observed(reading), 2, NOW).subScores().spo2()).isEqualTo(3);
    assertThat(score(observed(reading), 1, NOW).subScores().spo2()).isZero();
    assertThat(score(observed(reading), 2, NOW).subScores().supplementalOxygen()).isEqualTo(2);
  }

  @Test
  void shouldScoreScale2AsOnAirWhileTheOxygenStatusIsUnknownAndSayItIsPartial() {
    EarlyWarningScore score = score(observed(reading().spo2(97).build()), 2, NOW);

    assertThat(score.subScores().spo2()).isZero();
    assertThat(score.partial()).isTrue();
    assertThat(score.missing()).contains(VitalSign.SUPPLEMENTAL_OXYGEN);
  }

  private static EarlyWarningScore score(Observations observations, int scale, Instant at) {
    return News2Scorer.score("patient-1", observations, scale, at, STALENESS);
  }

  /** What the service keeps after this one reading. */
  private static Observations observed(VitalsReading r) {
    return new Observations(
        m(r.respirationRate(), r),
        m(r.spo2(), r),
        m(r.supplementalOxygen(), r),
        m(r.systolicBloodPressure(), r),
        m(r.pulse(), r),
        m(r.consciousness(), r),
        m(r.temperature(), r));
  }

  private static <T> Measurement<T> m(T value, VitalsReading r) {
    return value == null ? null : new Measurement<>(value, r.eventTime(), r.readingId());
  }
}
