package dev.vigil.common.vitals;

import static dev.vigil.common.event.Checks.finite;
import static dev.vigil.common.event.Checks.text;
import static dev.vigil.common.event.Checks.timestamp;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.event.TimestampedEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a bedside monitor measured, keyed by patient id on {@code vitals.readings}. A monitor sends
 * any subset of the seven NEWS2 parameters, separately or together; absent ones are {@code null}.
 *
 * <p>Values a living patient cannot have are rejected here, so such a reading is never scored and
 * goes to the dead-letter topic as a {@code validation} failure that names the field. The limits
 * are wide on purpose: anything a sick patient can reach must be scored, not dropped.
 *
 * @param respirationRate breaths per minute
 * @param spo2 peripheral oxygen saturation, percent
 * @param supplementalOxygen whether the patient is on oxygen rather than air
 * @param systolicBloodPressure mmHg
 * @param pulse beats per minute
 * @param temperature degrees Celsius
 */
public record VitalsReading(
    String readingId,
    String patientId,
    String deviceId,
    Double respirationRate,
    Double spo2,
    Boolean supplementalOxygen,
    Double systolicBloodPressure,
    Double pulse,
    Consciousness consciousness,
    Double temperature,
    Instant eventTime)
    implements TimestampedEvent {

  public static final double MAX_RESPIRATION_RATE = 100;
  public static final double MAX_SYSTOLIC_BLOOD_PRESSURE = 300;
  public static final double MAX_PULSE = 300;
  public static final double MIN_TEMPERATURE = 25;
  public static final double MAX_TEMPERATURE = 45;

  public VitalsReading {
    text(readingId, "readingId");
    text(patientId, "patientId");
    text(deviceId, "deviceId");
    timestamp(eventTime, "eventTime");
    if (respirationRate != null
        && !(finite(respirationRate, "respirationRate") >= 0
            && respirationRate <= MAX_RESPIRATION_RATE)) {
      throw new InvalidEventException(
          "respirationRate must be between 0 and " + (int) MAX_RESPIRATION_RATE + " /min");
    }
    aboveZero(spo2, 100, "spo2", "%");
    aboveZero(systolicBloodPressure, MAX_SYSTOLIC_BLOOD_PRESSURE, "systolicBloodPressure", "mmHg");
    aboveZero(pulse, MAX_PULSE, "pulse", "/min");
    if (temperature != null
        && !(finite(temperature, "temperature") >= MIN_TEMPERATURE
            && temperature <= MAX_TEMPERATURE)) {
      throw new InvalidEventException(
          "temperature must be between "
              + (int) MIN_TEMPERATURE
              + " and "
              + (int) MAX_TEMPERATURE
              + " °C");
    }
    // The fields are assigned only after this constructor body, so check the parameters.
    if (respirationRate == null
        && spo2 == null
        && supplementalOxygen == null
        && systolicBloodPressure == null
        && pulse == null
        && consciousness == null
        && temperature == null) {
      throw new InvalidEventException("a reading must carry at least one vital sign");
    }
  }

  /** The parameters this reading carries. */
  public Set<VitalSign> signs() {
    Set<VitalSign> signs = EnumSet.noneOf(VitalSign.class);
    add(signs, respirationRate, VitalSign.RESPIRATION_RATE);
    add(signs, spo2, VitalSign.SPO2);
    add(signs, supplementalOxygen, VitalSign.SUPPLEMENTAL_OXYGEN);
    add(signs, systolicBloodPressure, VitalSign.SYSTOLIC_BLOOD_PRESSURE);
    add(signs, pulse, VitalSign.PULSE);
    add(signs, consciousness, VitalSign.CONSCIOUSNESS);
    add(signs, temperature, VitalSign.TEMPERATURE);
    return signs;
  }

  private static void add(Set<VitalSign> signs, Object value, VitalSign sign) {
    if (value != null) {
      signs.add(sign);
    }
  }

  private static void aboveZero(Double value, double max, String field, String unit) {
    if (value != null && !(finite(value, field) > 0 && value <= max)) {
      throw new InvalidEventException(
          field + " must be above 0 and at most " + (int) max + " " + unit);
    }
  }
}
