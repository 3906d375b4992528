package dev.vigil.vitals.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.testing.GoldenFiles;
import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Measurement;
import dev.vigil.common.vitals.Observations;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.SubScores;
import dev.vigil.common.vitals.VitalSign;
import dev.vigil.common.vitals.VitalsAlert;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The patient state as the first binary release wrote it stays readable. */
class StoredFormatsTest {

  private static final Instant MEASURED = Instant.parse("2026-03-02T09:00:00.250Z");
  private static final Instant SCORED = MEASURED.plusSeconds(60);

  private static PatientState deteriorating() {
    Observations latest =
        new Observations(
            new Measurement<>(26.0, SCORED, "r-2"),
            new Measurement<>(91.0, SCORED, "r-2"),
            new Measurement<>(false, MEASURED, "r-1"),
            new Measurement<>(118.0, MEASURED, "r-1"),
            new Measurement<>(125.0, SCORED, "r-2"),
            new Measurement<>(Consciousness.ALERT, MEASURED, "r-1"),
            null);
    SubScores sub = new SubScores(3, 3, 0, 0, 2, 0, null);
    EarlyWarningScore score =
        new EarlyWarningScore(
            "patient-1",
            8,
            RiskBand.HIGH,
            true,
            sub,
            1,
            List.of(VitalSign.TEMPERATURE),
            List.of(),
            latest.only(latest.present()),
            SCORED);
    VitalsAlert escalation =
        new VitalsAlert(
            AlertType.ESCALATION,
            "patient-1",
            "ward-7",
            "12",
            8,
            RiskBand.HIGH,
            0,
            RiskBand.NONE,
            true,
            sub,
            "NEWS2 8, high risk",
            null,
            SCORED);
    return new PatientState(
        latest,
        score,
        RiskBand.HIGH,
        List.of(new TrendRun(MEASURED, MEASURED, 0)),
        List.of(escalation),
        SCORED.toEpochMilli(),
        false,
        SCORED.plusSeconds(300).toEpochMilli());
  }

  @Test
  void shouldReadAPatientStateAsVersionOneWroteIt() {
    PatientState state = deteriorating();

    assertThat(
            GoldenFiles.readBack("PatientState.v1.bin", VitalsStores.PATIENT_STATE_VALUES, state))
        .isEqualTo(state);
  }

  @Test
  void shouldReadTheStateOfAPatientNotHeardFromYet() {
    PatientState state = PatientState.expectedFrom(MEASURED.toEpochMilli());

    assertThat(
            GoldenFiles.readBack(
                "PatientState-expected.v1.bin", VitalsStores.PATIENT_STATE_VALUES, state))
        .isEqualTo(state);
  }

  @Test
  void shouldWriteBackWhatItReadSoThatARestartedServiceReadsIt() {
    PatientState state = deteriorating();
    byte[] golden =
        GoldenFiles.read(
            "PatientState.v1.bin",
            () -> VitalsStores.PATIENT_STATE_VALUES.serializer().serialize("", state));
    Serde<PatientState> running = VitalsStores.patientStateValues();

    byte[] written =
        running.serializer().serialize("", running.deserializer().deserialize("", golden));

    assertThat(VitalsStores.patientStateValues().deserializer().deserialize("", written))
        .isEqualTo(state);
  }
}
