package dev.vigil.vitals.api;

import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Observations;
import dev.vigil.common.vitals.VitalsAlert;
import java.util.List;

/**
 * A patient as the ward sees them: the admission ({@code null} fields when the patient is not on
 * {@code vitals.patients}), the current score with its sub-scores and band ({@code null} before the
 * first reading), the latest value of every parameter however old, and the alerts still open.
 */
record PatientView(
    String patientId,
    String ward,
    String bed,
    AdmissionStatus admission,
    Integer spo2Scale,
    EarlyWarningScore score,
    Observations latest,
    List<VitalsAlert> openAlerts,
    boolean monitorSilent) {}
