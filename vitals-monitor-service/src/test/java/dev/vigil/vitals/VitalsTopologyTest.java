package dev.vigil.vitals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.testing.TopologyTopics;
import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.SubScores;
import dev.vigil.common.vitals.VitalSign;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.common.vitals.VitalsTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class VitalsTopologyTest extends VitalsTopologyTestBase {

  @Test
  void shouldReadAndWriteExactlyTheTopicsItsAclsGrant() {
    TopologyTopics used = TopologyTopics.of(topology);

    assertThat(used.reads()).isEqualTo(VitalsTopics.SERVICE_ACCESS.readNames());
    assertThat(used.writes()).isEqualTo(VitalsTopics.SERVICE_ACCESS.writeNames());
  }

  @Test
  void shouldScoreTheDeterioratingPatientExactlyAndEscalateToHighOnce() {
    admit(PATIENT);
    measure(reading(BEGINNING).normal());

    measure(reading(ONE_MINUTE_LATER).respirationRate(26).spo2(91).pulse(125).temperature(39.2));

    assertThat(scores.readValuesToList())
        .extracting(EarlyWarningScore::subScores, EarlyWarningScore::aggregate)
        .containsExactly(
            tuple(new SubScores(0, 0, 0, 0, 0, 0, 0), 0),
            tuple(new SubScores(3, 3, 0, 0, 2, 0, 2), 10));
    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.ESCALATION))
        .satisfies(a -> assertThat(a.riskBand()).isEqualTo(RiskBand.HIGH))
        .satisfies(a -> assertThat(a.previousRiskBand()).isEqualTo(RiskBand.NONE))
        .satisfies(a -> assertThat(a.aggregate()).isEqualTo(10))
        .satisfies(a -> assertThat(a.partial()).isFalse())
        .satisfies(a -> assertThat(a.ward()).isEqualTo(WARD))
        .satisfies(a -> assertThat(a.bed()).isEqualTo(BED))
        .satisfies(a -> assertThat(a.eventTime()).isEqualTo(ONE_MINUTE_LATER));
  }

  @Test
  void shouldEscalateToHighOnceWhenTheSameValuesArriveOneByOne() {
    admit(PATIENT);
    measure(reading(BEGINNING).normal());

    measure(
        reading(BEGINNING.plusSeconds(10)).respirationRate(26),
        reading(BEGINNING.plusSeconds(20)).spo2(91),
        reading(BEGINNING.plusSeconds(30)).pulse(125),
        reading(BEGINNING.plusSeconds(40)).temperature(39.2),
        reading(BEGINNING.plusSeconds(50)).pulse(126));

    List<VitalsAlert> raised = alerts.readValuesToList();
    assertThat(raised)
        .extracting(VitalsAlert::type, VitalsAlert::riskBand)
        .containsExactly(
            tuple(AlertType.ESCALATION, RiskBand.LOW_MEDIUM),
            tuple(AlertType.ESCALATION, RiskBand.MEDIUM),
            tuple(AlertType.ESCALATION, RiskBand.HIGH));
    assertThat(scores.readValuesToList())
        .last()
        .extracting(EarlyWarningScore::aggregate)
        .isEqualTo(10);
  }

  @Test
  void shouldKeyScoresByPatientAndSayWhichReadingsTheyUsed() {
    measure(reading(BEGINNING).normal().readingId("r-normal"));

    assertThat(scores.readKeyValue())
        .satisfies(kv -> assertThat(kv.key).isEqualTo(PATIENT))
        .satisfies(kv -> assertThat(kv.value.readings().pulse().value()).isEqualTo(72.0))
        .satisfies(kv -> assertThat(kv.value.readings().pulse().readingId()).isEqualTo("r-normal"))
        .satisfies(kv -> assertThat(kv.value.eventTime()).isEqualTo(BEGINNING));
  }

  @Test
  void shouldEmitAScoreOnlyWhenItChanges() {
    measure(
        reading(BEGINNING).normal(),
        reading(ONE_MINUTE_LATER).pulse(75),
        reading(ONE_MINUTE_LATER.plusSeconds(30)).pulse(95),
        reading(ONE_MINUTE_LATER.plusSeconds(60)).pulse(100));

    assertThat(scores.readValuesToList())
        .extracting(EarlyWarningScore::aggregate)
        .containsExactly(0, 1);
  }

  @Test
  void shouldMarkAScoreFromSomeParametersPartial() {
    measure(reading(BEGINNING).pulse(135));

    EarlyWarningScore score = scores.readValue();
    assertThat(score.partial()).isTrue();
    assertThat(score.aggregate()).isEqualTo(3);
    assertThat(score.missing()).hasSize(6).doesNotContain(VitalSign.PULSE);
  }

  @Test
  void shouldCompleteAScoreFromParametersSentSeparately() {
    measure(
        reading(BEGINNING).respirationRate(16).spo2(97),
        reading(BEGINNING.plusSeconds(5)).supplementalOxygen(false).systolicBloodPressure(120),
        reading(BEGINNING.plusSeconds(10)).pulse(72).temperature(36.8),
        reading(BEGINNING.plusSeconds(15)).consciousness(Consciousness.ALERT));

    assertThat(scores.readValuesToList())
        .extracting(EarlyWarningScore::partial)
        .containsExactly(true, true, true, false);
  }

  @Test
  void shouldStopCountingAParameterOnceItIsStale() {
    measure(reading(BEGINNING).normal().temperature(39.5));

    measure(reading(BEGINNING.plus(Duration.ofMinutes(15))).normal().temperature(null));
    measure(reading(BEGINNING.plus(Duration.ofMinutes(16))).pulse(72));

    List<EarlyWarningScore> emitted = scores.readValuesToList();
    assertThat(emitted).extracting(EarlyWarningScore::aggregate).containsExactly(2, 0);
    assertThat(emitted.get(1).stale()).containsExactly(VitalSign.TEMPERATURE);
    assertThat(emitted.get(1).partial()).isTrue();
    assertThat(emitted.get(1).subScores().temperature()).isNull();
  }

  @Test
  void shouldUseAnOutOfOrderReadingWithoutOverwritingNewerValues() {
    measure(reading(TEN_MINUTES_LATER).normal().pulse(72));

    measure(reading(BEGINNING.plus(Duration.ofMinutes(5))).pulse(135).temperature(39.5));

    assertThat(state(PATIENT).latest().pulse().value()).isEqualTo(72.0);
    assertThat(state(PATIENT).latest().temperature().value()).isEqualTo(36.8);
    assertThat(scores.readValuesToList())
        .extracting(EarlyWarningScore::aggregate)
        .containsExactly(0);
  }

  @Test
  void shouldUseAnOutOfOrderParameterItHasNoNewerValueFor() {
    measure(reading(TEN_MINUTES_LATER).respirationRate(16));

    measure(reading(BEGINNING.plus(Duration.ofMinutes(5))).pulse(135));

    EarlyWarningScore latest = scores.readValuesToList().get(1);
    assertThat(latest.aggregate()).isEqualTo(3);
    assertThat(latest.readings().pulse().eventTime())
        .isEqualTo(BEGINNING.plus(Duration.ofMinutes(5)));
    assertThat(latest.eventTime()).isEqualTo(TEN_MINUTES_LATER);
  }

  @Test
  void shouldIgnoreAReadingOlderThanTheStalenessLimit() {
    measure(reading(ONE_HOUR_LATER).respirationRate(16));

    measure(reading(BEGINNING).pulse(135));

    assertThat(scores.readValuesToList()).hasSize(1);
    assertThat(state(PATIENT).latest().pulse()).isNull();
  }

  @Test
  void shouldScoreOnScale2ForAPatientPrescribedIt() {
    admit(PATIENT, 2);

    measure(reading(BEGINNING).normal().spo2(97).supplementalOxygen(true));

    assertThat(scores.readValue().subScores().spo2()).isEqualTo(3);
  }

  @Test
  void shouldScoreAPatientWithoutAnAdmissionAndAlertWithoutAWard() {
    measure(reading(BEGINNING).normal().respirationRate(26).spo2(91).pulse(125));

    assertThat(alerts.readValue())
        .satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.ESCALATION))
        .satisfies(a -> assertThat(a.ward()).isNull());
  }

  @Test
  void shouldSendAnImpossibleValueToTheDeadLetterTopicWithTheReasonAndCarryOn() {
    TestInputTopic<String, String> raw =
        driver.createInputTopic("vitals.readings", new StringSerializer(), new StringSerializer());

    raw.pipeInput(
        PATIENT,
        "{\"readingId\":\"r-bad\",\"patientId\":\"patient-1\",\"deviceId\":\"m-1\","
            + "\"pulse\":0,\"eventTime\":\"2026-03-02T09:00:00Z\"}");
    measure(reading(ONE_MINUTE_LATER).pulse(72));

    assertThat(deadLetters.readRecordsToList())
        .singleElement()
        .satisfies(r -> assertThat(header(r, DeadLetters.REASON)).isEqualTo("validation"))
        .satisfies(
            r ->
                assertThat(header(r, DeadLetters.ERROR_MESSAGE))
                    .contains("pulse must be above 0 and at most 300 /min"))
        .satisfies(
            r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("r-bad"));
    assertThat(scores.readValuesToList())
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.readings().pulse().readingId())
                    .isEqualTo("r-" + ONE_MINUTE_LATER.getEpochSecond()));
    assertThat(
            registry.get(VigilMetrics.DEAD_LETTERS).tag("reason", "validation").counter().count())
        .isEqualTo(1);
  }

  @Test
  void shouldSendAReadingKeyedByAnotherPatientToTheDeadLetterTopic() {
    readings.pipeInput(new TestRecord<>("patient-2", reading(BEGINNING).pulse(72).build()));

    assertThat(deadLetters.readRecordsToList())
        .singleElement()
        .satisfies(r -> assertThat(header(r, DeadLetters.REASON)).isEqualTo("processing"))
        .satisfies(
            r ->
                assertThat(header(r, DeadLetters.ERROR_MESSAGE))
                    .contains("the record key must be the reading's patientId"));
    assertThat(scores.isEmpty()).isTrue();
  }

  @Test
  void shouldCountAlertsByTypeAndMeasureLatency() {
    measure(reading(BEGINNING).normal(), reading(ONE_MINUTE_LATER).respirationRate(26));

    assertThat(registry.get(VigilMetrics.ALERTS).tag("type", "ESCALATION").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(VigilMetrics.LATENCY).tag("output", "vitals.scores").timer().count())
        .isEqualTo(2);
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
