package dev.vigil.common.vitals;

/**
 * The NEWS2 score of each parameter, 0–3, {@code null} for a parameter that is missing or stale.
 * {@code supplementalOxygen} is the "air or oxygen" parameter.
 */
public record SubScores(
    Integer respirationRate,
    Integer spo2,
    Integer supplementalOxygen,
    Integer systolicBloodPressure,
    Integer pulse,
    Integer consciousness,
    Integer temperature) {

  public Integer get(VitalSign sign) {
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
}
