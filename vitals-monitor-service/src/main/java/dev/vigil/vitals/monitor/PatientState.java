package dev.vigil.vitals.monitor;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Measurement;
import dev.vigil.common.vitals.Observations;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.VitalSign;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.common.vitals.VitalsReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the service keeps per patient.
 *
 * @param latest the latest value of each parameter, by event time, however old
 * @param score the latest score, {@code null} before the first reading
 * @param announcedBand the band the ward was last told about: escalation and de-escalation are
 *     measured from it, so each change is announced once
 * @param trend complete aggregates within the trend window
 * @param openAlerts alerts that still describe the patient: the escalation to the current band,
 *     recent deteriorations, a silent monitor
 * @param lastHeardMs wall-clock time the last reading arrived, or the patient's monitor was first
 *     expected
 * @param silent whether MONITOR_SILENT was raised and no reading has arrived since
 * @param nextCheckMs wall-clock time of the patient's entry in the monitor's check index, never
 *     after the patient next needs looking at (silence, forgetting); {@link #NO_CHECK} while there
 *     is none, as for a silent monitor, which waits for a reading
 */
public record PatientState(
    Observations latest,
    EarlyWarningScore score,
    RiskBand announcedBand,
    List<TrendRun> trend,
    List<VitalsAlert> openAlerts,
    long lastHeardMs,
    boolean silent,
    long nextCheckMs) {

  /** {@link #nextCheckMs} of a patient without an entry in the check index. */
  public static final long NO_CHECK = Long.MAX_VALUE;

  public PatientState {
    latest = latest == null ? Observations.NONE : latest;
    announcedBand = announcedBand == null ? RiskBand.NONE : announcedBand;
    trend = trend == null ? List.of() : List.copyOf(trend);
    openAlerts = openAlerts == null ? List.of() : List.copyOf(openAlerts);
  }

  /** A patient not heard from yet: the silence clock starts now. */
  static PatientState expectedFrom(long wallClockMs) {
    return new PatientState(null, null, null, null, null, wallClockMs, false, NO_CHECK);
  }

  /** The event time of the newest value of any parameter, {@code null} before any. */
  public Instant newestReading() {
    Instant newest = null;
    for (VitalSign sign : VitalSign.values()) {
      Measurement<?> m = latest.get(sign);
      if (m != null && (newest == null || m.eventTime().isAfter(newest))) {
        newest = m.eventTime();
      }
    }
    return newest;
  }

  /** A reading arrived now: the monitor is not silent. */
  PatientState heard(long wallClockMs) {
    return new PatientState(
        latest,
        score,
        announcedBand,
        trend,
        without(openAlerts, a -> a.type() == AlertType.MONITOR_SILENT),
        wallClockMs,
        false,
        nextCheckMs);
  }

  /** MONITOR_SILENT was raised: nothing to check until a reading arrives. */
  PatientState silenced(VitalsAlert alert) {
    return new PatientState(
        latest, score, announcedBand, trend, with(openAlerts, alert), lastHeardMs, true, NO_CHECK);
  }

  PatientState checkedAt(long wallClockMs) {
    return new PatientState(
        latest, score, announcedBand, trend, openAlerts, lastHeardMs, silent, wallClockMs);
  }

  /**
   * Each parameter of the reading replaces the one kept unless that one was measured later, so a
   * reading that arrives out of order never overwrites a newer value.
   */
  PatientState withReading(VitalsReading r) {
    Observations updated =
        new Observations(
            newer(latest.respirationRate(), r.respirationRate(), r),
            newer(latest.spo2(), r.spo2(), r),
            newer(latest.supplementalOxygen(), r.supplementalOxygen(), r),
            newer(latest.systolicBloodPressure(), r.systolicBloodPressure(), r),
            newer(latest.pulse(), r.pulse(), r),
            newer(latest.consciousness(), r.consciousness(), r),
            newer(latest.temperature(), r.temperature(), r));
    return new PatientState(
        updated, score, announcedBand, trend, openAlerts, lastHeardMs, silent, nextCheckMs);
  }

  PatientState scored(
      EarlyWarningScore newScore,
      RiskBand newAnnouncedBand,
      List<TrendRun> newTrend,
      List<VitalsAlert> newOpenAlerts) {
    return new PatientState(
        latest,
        newScore,
        newAnnouncedBand,
        newTrend,
        newOpenAlerts,
        lastHeardMs,
        silent,
        nextCheckMs);
  }

  private static <T> Measurement<T> newer(Measurement<T> kept, T value, VitalsReading reading) {
    if (value == null || (kept != null && reading.eventTime().isBefore(kept.eventTime()))) {
      return kept;
    }
    return new Measurement<>(value, reading.eventTime(), reading.readingId());
  }

  static List<VitalsAlert> with(List<VitalsAlert> alerts, VitalsAlert alert) {
    List<VitalsAlert> updated = new ArrayList<>(alerts);
    updated.add(alert);
    return updated;
  }

  static List<VitalsAlert> without(List<VitalsAlert> alerts, Predicate<VitalsAlert> closed) {
    List<VitalsAlert> updated = new ArrayList<>(alerts);
    updated.removeIf(closed);
    return updated;
  }
}
