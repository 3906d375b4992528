package dev.vigil.common.vitals;

import java.util.EnumSet;
import java.util.Set;

/**
 * The latest value of each NEWS2 parameter, {@code null} where there is none. A score carries the
 * ones it used; the service keeps the latest of each, however old.
 */
public record Observations(
    Measurement<Double> respirationRate,
    Measurement<Double> spo2,
    Measurement<Boolean> supplementalOxygen,
    Measurement<Double> systolicBloodPressure,
    Measurement<Double> pulse,
    Measurement<Consciousness> consciousness,
    Measurement<Double> temperature) {

  public static final Observations NONE =
      new Observations(null, null, null, null, null, null, null);

  public Measurement<?> get(VitalSign sign) {
    return switch (sign) {
      case RESPIRATION_RATE -> respirationRate;
      case SPO2 -> spo2;
      case SUPPLEMENTAL_OXYGEN -> supplementalOxygen;
      case SYSTOLIC_BLOOD_PRESSURE -> systolicBloodPressure;
      case PULSE -> pulse;
      case CONSCIOUSNESS -> consciousness;
      case TEMPERATURE -> temperature;
    };
  }

  /** The parameters that have a value. */
  public Set<VitalSign> present() {
    Set<VitalSign> present = EnumSet.noneOf(VitalSign.class);
    for (VitalSign sign : VitalSign.values()) {
      if (get(sign) != null) {
        present.add(sign);
      }
    }
    return present;
  }

  /** These observations with only the given parameters kept. */
  public Observations only(Set<VitalSign> signs) {
    return new Observations(
        signs.contains(VitalSign.RESPIRATION_RATE) ? respirationRate : null,
        signs.contains(VitalSign.SPO2) ? spo2 : null,
        signs.contains(VitalSign.SUPPLEMENTAL_OXYGEN) ? supplementalOxygen : null,
        signs.contains(VitalSign.SYSTOLIC_BLOOD_PRESSURE) ? systolicBloodPressure : null,
        signs.contains(VitalSign.PULSE) ? pulse : null,
        signs.contains(VitalSign.CONSCIOUSNESS) ? consciousness : null,
        signs.contains(VitalSign.TEMPERATURE) ? temperature : null);
  }
}
