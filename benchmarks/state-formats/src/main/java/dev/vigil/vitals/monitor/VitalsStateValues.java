package dev.vigil.vitals.monitor;

import dev.vigil.benchmarks.formats.StateValue;
import java.util.List;

/** The vitals service's state: a patient's one value, with every parameter and a score. */
public final class VitalsStateValues {

  private VitalsStateValues() {}

  public static List<StateValue<?>> all() {
    return List.of(
        StateValue.golden(
            "vitals.PatientState",
            "vitals-monitor-service",
            "PatientState.v1.bin",
            PatientState.class,
            VitalsStores.PATIENT_STATE_VALUES));
  }
}
