package dev.vigil.common.vitals;

import com.fasterxml.jackson.annotation.JsonValue;

/** The seven NEWS2 parameters, named as their fields in {@code vitals.readings}. */
public enum VitalSign {
  RESPIRATION_RATE("respirationRate"),
  SPO2("spo2"),
  SUPPLEMENTAL_OXYGEN("supplementalOxygen"),
  SYSTOLIC_BLOOD_PRESSURE("systolicBloodPressure"),
  PULSE("pulse"),
  CONSCIOUSNESS("consciousness"),
  TEMPERATURE("temperature");

  private final String field;

  VitalSign(String field) {
    this.field = field;
  }

  /** The JSON field that carries this parameter. */
  @JsonValue
  public String field() {
    return field;
  }
}
