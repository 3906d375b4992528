package dev.vigil.common.vitals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.common.event.InvalidEventException;
import org.junit.jupiter.api.Test;

class PatientTest {

  @Test
  void shouldScoreOnScale1UnlessTold() {
    Patient patient = new Patient("p-1", "ward-7", "12", null, AdmissionStatus.ACTIVE);

    assertThat(patient.spo2Scale()).isEqualTo(1);
    assertThat(patient.active()).isTrue();
  }

  @Test
  void shouldRejectAScaleNews2DoesNotHave() {
    assertThatThrownBy(() -> new Patient("p-1", "ward-7", "12", 3, AdmissionStatus.ACTIVE))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("spo2Scale must be 1 or 2");
  }

  @Test
  void shouldRequireTheAdmissionStatus() {
    assertThatThrownBy(() -> new Patient("p-1", "ward-7", "12", 1, null))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("admission is required");
  }

  @Test
  void shouldAcceptAPatientWithoutABed() {
    assertThat(new Patient("p-1", "ward-7", null, 2, AdmissionStatus.DISCHARGED).active())
        .isFalse();
  }
}
