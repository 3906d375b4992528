package dev.vigil.simulator;

import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * An endless, deterministic stream of bedside monitor readings for the demo: a dozen admitted
 * patients on two wards, each monitor sending all seven NEWS2 parameters every {@code interval}.
 * Stable patients stay well inside the normal ranges (NEWS2 0). Every {@link #CYCLE} one patient
 * after another deteriorates over a few minutes to RR 26, SpO2 91, pulse 125 and 39.2 °C (NEWS2 10,
 * through every band), then recovers; and every other cycle another patient's monitor goes quiet
 * for longer than the service's silence timeout, then comes back.
 */
public final class VitalsStream {

  /** How often the story repeats, with the next patients. */
  public static final Duration CYCLE = Duration.ofMinutes(9);

  static final int PATIENTS = 12;
  static final List<String> WARDS = List.of("ward-7", "ward-8");

  /** Within a cycle: worsening from here … */
  private static final Duration WORSENS_FROM = Duration.ofMinutes(1);

  /** … to the worst at this point, held until recovery starts … */
  private static final Duration WORST_AT = Duration.ofMinutes(3);

  /** … and back to normal from here to the end of the recovery. */
  private static final Duration RECOVERS_FROM = Duration.ofMinutes(5);

  private static final Duration RECOVERED_AT = Duration.ofMinutes(6);

  /** A quiet monitor sends nothing in this part of its cycle: longer than the 5-minute timeout. */
  private static final Duration SILENT_FROM = Duration.ofMinutes(1);

  private static final Duration SILENT_UNTIL = Duration.ofMinutes(7);

  private final Instant start;
  private final Duration interval;
  private final String runTag;
  private final Random noise;
  private final List<Patient> patients = new ArrayList<>();
  private long sent;

  /**
   * @param interval how often each monitor sends a reading
   */
  public VitalsStream(long seed, Instant start, Duration interval) {
    this.start = start;
    this.interval = interval;
    this.noise = new Random(seed);
    // Reading ids are unique per run, so a restarted demo's readings never look like redeliveries.
    this.runTag = Long.toString(start.getEpochSecond(), 36);
    for (int i = 0; i < PATIENTS; i++) {
      patients.add(
          new Patient(
              patientId(i),
              WARDS.get(i % WARDS.size()),
              Integer.toString(i / WARDS.size() + 1),
              1,
              AdmissionStatus.ACTIVE));
    }
  }

  public List<Patient> patients() {
    return List.copyOf(patients);
  }

  /** The next reading, in event-time order; the monitors take turns, evenly spread. */
  public VitalsReading next() {
    while (true) {
      long slot = sent++;
      int patient = (int) (slot % PATIENTS);
      Instant at = start.plus(interval.multipliedBy(slot).dividedBy(PATIENTS));
      if (!silent(patient, at)) {
        return reading(patient, at, slot);
      }
    }
  }

  /** The patient who deteriorates in the cycle that contains {@code at}. */
  static int deteriorating(Duration sinceStart) {
    return (int) (sinceStart.dividedBy(CYCLE) % PATIENTS);
  }

  /** The patient whose monitor goes quiet in the cycle, if any: every other cycle. */
  static int quiet(Duration sinceStart) {
    long cycle = sinceStart.dividedBy(CYCLE);
    return cycle % 2 == 1 ? (int) ((cycle / 2 + PATIENTS / 2) % PATIENTS) : -1;
  }

  private boolean silent(int patient, Instant at) {
    Duration sinceStart = Duration.between(start, at);
    Duration inCycle = sinceStart.minus(CYCLE.multipliedBy(sinceStart.dividedBy(CYCLE)));
    return quiet(sinceStart) == patient
        && inCycle.compareTo(SILENT_FROM) >= 0
        && inCycle.compareTo(SILENT_UNTIL) < 0;
  }

  private VitalsReading reading(int patient, Instant at, long slot) {
    Duration sinceStart = Duration.between(start, at);
    double severity =
        deteriorating(sinceStart) == patient
            ? severity(sinceStart.minus(CYCLE.multipliedBy(sinceStart.dividedBy(CYCLE))))
            : 0;
    return new VitalsReading(
        "r-" + runTag + "-" + slot,
        patientId(patient),
        "bedside-" + patientId(patient),
        Math.round(between(16, 26, severity) + jitter(1)) * 1.0,
        Math.min(100, Math.round(between(97.5, 91, severity) + jitter(0.5)) * 1.0),
        false,
        Math.round(between(125, 118, severity) + jitter(6)) * 1.0,
        Math.round(between(74, 125, severity) + jitter(5)) * 1.0,
        Consciousness.ALERT,
        Math.round((between(36.8, 39.2, severity) + jitter(0.15)) * 10) / 10.0,
        at);
  }

  /** 0 while normal, rising to 1 at the worst, and back. */
  private static double severity(Duration inCycle) {
    if (inCycle.compareTo(WORSENS_FROM) < 0 || inCycle.compareTo(RECOVERED_AT) >= 0) {
      return 0;
    }
    if (inCycle.compareTo(WORST_AT) < 0) {
      return fraction(inCycle.minus(WORSENS_FROM), WORST_AT.minus(WORSENS_FROM));
    }
    if (inCycle.compareTo(RECOVERS_FROM) < 0) {
      return 1;
    }
    return 1 - fraction(inCycle.minus(RECOVERS_FROM), RECOVERED_AT.minus(RECOVERS_FROM));
  }

  private static double fraction(Duration part, Duration whole) {
    return (double) part.toMillis() / whole.toMillis();
  }

  private static double between(double normal, double worst, double severity) {
    return normal + (worst - normal) * severity;
  }

  /** Small enough that a stable patient never leaves the ranges that score 0. */
  private double jitter(double amplitude) {
    return (noise.nextDouble() * 2 - 1) * amplitude;
  }

  private static String patientId(int index) {
    return String.format(Locale.ROOT, "p-%02d", index + 1);
  }
}
