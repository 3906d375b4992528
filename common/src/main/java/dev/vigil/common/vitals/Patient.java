package dev.vigil.common.vitals;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;

import dev.vigil.common.event.InvalidEventException;

/**
 * A patient's admission, keyed by patient id on the compacted {@code vitals.patients}.
 *
 * @param spo2Scale the NEWS2 SpO2 scale: 1, or 2 for hypercapnic respiratory failure with a
 *     prescribed target of 88–92 %; 1 when absent
 * @param bed may be absent, e.g. while the patient is in transfer
 */
public record Patient(
    String patientId, String ward, String bed, Integer spo2Scale, AdmissionStatus admission) {

  public Patient {
    text(patientId, "patientId");
    text(ward, "ward");
    if (bed != null) {
      text(bed, "bed");
    }
    spo2Scale = spo2Scale == null ? 1 : spo2Scale;
    if (spo2Scale != 1 && spo2Scale != 2) {
      throw new InvalidEventException("spo2Scale must be 1 or 2");
    }
    required(admission, "admission");
  }

  public boolean active() {
    return admission == AdmissionStatus.ACTIVE;
  }
}
