package dev.vigil.common.testing;

import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.VitalsReading;
import java.time.Instant;

/**
 * A reading of one patient with no parameters yet; each setter adds one, so a test states only what
 * it measures. {@link #normal()} sets all seven to values that score 0.
 */
public final class VitalsReadingBuilder {

  public static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");

  private String readingId = "r-1";
  private String patientId = "patient-1";
  private String deviceId = "monitor-1";
  private Double respirationRate;
  private Double spo2;
  private Boolean supplementalOxygen;
  private Double systolicBloodPressure;
  private Double pulse;
  private Consciousness consciousness;
  private Double temperature;
  private Instant eventTime = NINE_AM;

  private VitalsReadingBuilder() {}

  public static VitalsReadingBuilder reading() {
    return new VitalsReadingBuilder();
  }

  /** RR 16, SpO2 97 on air, systolic 120, pulse 72, alert, 36.8 °C: NEWS2 0. */
  public VitalsReadingBuilder normal() {
    return respirationRate(16)
        .spo2(97)
        .supplementalOxygen(false)
        .systolicBloodPressure(120)
        .pulse(72)
        .consciousness(Consciousness.ALERT)
        .temperature(36.8);
  }

  public VitalsReadingBuilder readingId(String value) {
    readingId = value;
    return this;
  }

  public VitalsReadingBuilder patientId(String value) {
    patientId = value;
    return this;
  }

  public VitalsReadingBuilder deviceId(String value) {
    deviceId = value;
    return this;
  }

  public VitalsReadingBuilder respirationRate(Number value) {
    respirationRate = value == null ? null : value.doubleValue();
    return this;
  }

  public VitalsReadingBuilder spo2(Number value) {
    spo2 = value == null ? null : value.doubleValue();
    return this;
  }

  public VitalsReadingBuilder supplementalOxygen(Boolean value) {
    supplementalOxygen = value;
    return this;
  }

  public VitalsReadingBuilder systolicBloodPressure(Number value) {
    systolicBloodPressure = value == null ? null : value.doubleValue();
    return this;
  }

  public VitalsReadingBuilder pulse(Number value) {
    pulse = value == null ? null : value.doubleValue();
    return this;
  }

  public VitalsReadingBuilder consciousness(Consciousness value) {
    consciousness = value;
    return this;
  }

  public VitalsReadingBuilder temperature(Number value) {
    temperature = value == null ? null : value.doubleValue();
    return this;
  }

  public VitalsReadingBuilder at(Instant value) {
    eventTime = value;
    return this;
  }

  public VitalsReading build() {
    return new VitalsReading(
        readingId,
        patientId,
        deviceId,
        respirationRate,
        spo2,
        supplementalOxygen,
        systolicBloodPressure,
        pulse,
        consciousness,
        temperature,
        eventTime);
  }
}
