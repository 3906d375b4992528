package dev.vigil.simulator.vitals;

import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.label.LabelTopics;
import dev.vigil.simulator.label.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * An endless, deterministic stream of bedside monitor readings from admitted patients, each monitor
 * sending all seven NEWS2 parameters every {@link #INTERVAL} (or the scenario's reporting
 * interval).
 *
 * <p>Every patient has their own baseline (respiration, SpO2, systolic pressure, pulse and
 * temperature drawn within the ranges that score 0), around which their values wander slowly and
 * are measured with a little noise, as real vital signs do. Incidents start at random times, on
 * patients who have none under way:
 *
 * <ul>
 *   <li>{@code DETERIORATION}: sepsis-like, over 30 to 90 minutes respiration, pulse and
 *       temperature rise and systolic pressure and SpO2 fall, to NEWS2 12 at the worst, which lasts
 *       ten minutes before treatment brings them back over twenty;
 *   <li>{@code SUDDEN_EVENT}: within two minutes SpO2 drops to 86 % and pulse, respiration and
 *       pressure swing to scores of 3, for a quarter of an hour;
 *   <li>{@code MONITOR_SILENT}: the monitor sends nothing for 8 to 12 minutes. Only after {@code
 *       start}, since the service notices silence on its own clock.
 * </ul>
 *
 * A scenario's history starts the stream that long before {@code start}, so that a short run still
 * contains whole deteriorations. Each incident's label carries its deadline: for a deterioration,
 * the moment its NEWS2 reaches 7 or ten minutes after its onset, whichever is later.
 */
public final class VitalsStream {

  /** How often each monitor sends a reading. */
  public static final Duration INTERVAL = Duration.ofSeconds(30);

  public static final int DEFAULT_PATIENTS = 40;

  /** Incidents per patient-hour, unless the scenario says otherwise. */
  public static final double DEFAULT_INCIDENT_RATIO = 0.15;

  /** Patients per ward. */
  private static final int WARD_SIZE = 20;

  private static final Duration WORST_HELD = Duration.ofMinutes(10);
  private static final Duration RECOVERY = Duration.ofMinutes(20);
  private static final Duration SUDDEN_ONSET = Duration.ofMinutes(2);
  private static final Duration SUDDEN_HELD = Duration.ofMinutes(15);
  private static final Duration DETECT_WITHIN = Duration.ofMinutes(10);

  /** The service's silence timeout and check period, and a reading's worth of slack. */
  private static final Duration SILENCE_DEADLINE = Duration.ofMinutes(5).plusSeconds(60);

  private static final Duration PLANNING_HORIZON = Duration.ofHours(1);

  private final Instant first;
  private final Instant live;
  private final String runTag;
  private final Random noise;
  private final Random planning;
  private final double incidentsPerPatientHour;
  private final List<Patient> patients = new ArrayList<>();
  private final List<Baseline> baselines = new ArrayList<>();
  private final List<double[]> wander = new ArrayList<>();
  private final Episode[] episodes;
  private final Labels labels;
  private final Duration interval;
  private Instant plannedUntil;
  private long sent;

  /** One reading, and whether an incident shapes it. */
  public record Step(VitalsReading reading, boolean incident) {}

  public VitalsStream(Scenario scenario) {
    this.live = scenario.start();
    this.first = scenario.start().minus(scenario.history());
    this.noise = new Random(scenario.seed());
    this.planning = new Random(scenario.seed() + 1);
    this.incidentsPerPatientHour = scenario.incidentRatioOr(DEFAULT_INCIDENT_RATIO);
    this.interval = scenario.reportingIntervalOr(INTERVAL);
    // Reading ids are unique per run, so a restarted demo's readings never look like redeliveries.
    this.runTag = Long.toString(live.getEpochSecond(), 36);
    int count = scenario.entitiesOr(DEFAULT_PATIENTS);
    int wards = (count + WARD_SIZE - 1) / WARD_SIZE;
    Random people = new Random(scenario.seed() + 2);
    for (int i = 0; i < count; i++) {
      patients.add(
          new Patient(
              patientId(i),
              "ward-" + (7 + i % wards),
              Integer.toString(i / wards + 1),
              1,
              AdmissionStatus.ACTIVE));
      baselines.add(Baseline.draw(people));
      wander.add(new double[5]);
    }
    this.episodes = new Episode[count];
    this.labels = new Labels(LabelTopics.VITALS, scenario, first, count);
    this.plannedUntil = first;
  }

  public List<Patient> patients() {
    return List.copyOf(patients);
  }

  public List<SampleEvent<?>> takeLabels() {
    return labels.take();
  }

  /** The next reading, in event-time order; the monitors take turns, evenly spread. */
  public Step next() {
    while (true) {
      long slot = sent++;
      int patient = (int) (slot % patients.size());
      Instant at = first.plus(interval.multipliedBy(slot).dividedBy(patients.size()));
      while (!plannedUntil.isAfter(at)) {
        plan(plannedUntil, plannedUntil.plus(PLANNING_HORIZON));
        plannedUntil = plannedUntil.plus(PLANNING_HORIZON);
      }
      Episode episode = episodes[patient];
      if (episode != null && !at.isBefore(episode.over())) {
        episodes[patient] = null;
        episode = null;
      }
      boolean active = episode != null && !at.isBefore(episode.onset());
      if (active && episode.type() == Type.MONITOR_SILENT) {
        continue;
      }
      return new Step(reading(patient, at, slot, active ? episode : null), active);
    }
  }

  /**
   * Starts incidents in {@code [from, until)}: each patient-hour has the incident ratio's chance of
   * one, on a patient with none planned.
   */
  private void plan(Instant from, Instant until) {
    long hours = Math.max(1, Duration.between(from, until).toHours());
    long incidents = Math.round(incidentsPerPatientHour * patients.size() * hours);
    long span = Duration.between(from, until).toMillis();
    List<Instant> onsets = new ArrayList<>();
    for (long i = 0; i < incidents; i++) {
      onsets.add(from.plusMillis((long) (planning.nextDouble() * span)));
    }
    onsets.sort(null);
    for (Instant onset : onsets) {
      int patient = planning.nextInt(patients.size());
      if (episodes[patient] != null && onset.isBefore(episodes[patient].over())) {
        continue;
      }
      Type type = pickType(onset);
      episodes[patient] = episode(type, patient, onset);
    }
  }

  private Type pickType(Instant onset) {
    double draw = planning.nextDouble();
    if (draw < 0.15 && onset.isAfter(live.plusSeconds(60))) {
      return Type.MONITOR_SILENT;
    }
    return draw < 0.4 ? Type.SUDDEN_EVENT : Type.DETERIORATION;
  }

  private Episode episode(Type type, int patient, Instant onset) {
    String id = patientId(patient);
    Baseline baseline = baselines.get(patient);
    return switch (type) {
      case DETERIORATION -> {
        Duration worsening = Duration.ofMinutes(30 + planning.nextInt(61));
        Instant worst = onset.plus(worsening);
        Instant high = onset;
        while (high.isBefore(worst)
            && news2(Severity.SEPSIS.values(baseline, fraction(onset, high, worst))) < 7) {
          high = high.plus(interval);
        }
        Instant deadline = later(onset.plus(DETECT_WITHIN), high);
        Instant end = worst.plus(WORST_HELD);
        labels.add(
            type.name(),
            id,
            onset,
            end,
            deadline,
            Map.of("worseningMinutes", worsening.toMinutes()));
        yield new Episode(type, onset, worst, end, end.plus(RECOVERY));
      }
      case SUDDEN_EVENT -> {
        Instant worst = onset.plus(SUDDEN_ONSET);
        Instant end = worst.plus(SUDDEN_HELD);
        labels.add(type.name(), id, onset, end, onset.plus(DETECT_WITHIN), Map.of());
        yield new Episode(type, onset, worst, end, end.plus(RECOVERY));
      }
      case MONITOR_SILENT -> {
        Instant end = onset.plus(Duration.ofMinutes(8 + planning.nextInt(5)));
        labels.add(type.name(), id, onset, end, onset.plus(SILENCE_DEADLINE), Map.of());
        yield new Episode(type, onset, onset, end, end);
      }
    };
  }

  private VitalsReading reading(int patient, Instant at, long slot, Episode episode) {
    double[] values =
        episode == null
            ? baselines.get(patient).values()
            : (episode.type() == Type.SUDDEN_EVENT ? Severity.SUDDEN : Severity.SEPSIS)
                .values(baselines.get(patient), episode.severity(at));
    double[] drift = wander.get(patient);
    for (int i = 0; i < drift.length; i++) {
      // A slow random walk pulled back to the baseline: values wander over tens of minutes.
      drift[i] = drift[i] * 0.95 + (noise.nextDouble() * 2 - 1) * Baseline.WANDER[i] * 0.3;
    }
    return new VitalsReading(
        "r-" + runTag + "-" + slot,
        patientId(patient),
        "bedside-" + patientId(patient),
        (double) Math.round(values[0] + drift[0] + jitter(0.5)),
        (double) Math.min(100, Math.round(values[1] + drift[1] + jitter(0.4))),
        false,
        (double) Math.round(values[2] + drift[2] + jitter(3)),
        (double) Math.round(values[3] + drift[3] + jitter(2)),
        Consciousness.ALERT,
        Math.round((values[4] + drift[4] + jitter(0.05)) * 10) / 10.0,
        at);
  }

  private double jitter(double amplitude) {
    return (noise.nextDouble() * 2 - 1) * amplitude;
  }

  private static double fraction(Instant from, Instant at, Instant to) {
    return Math.min(
        1, (double) Duration.between(from, at).toMillis() / Duration.between(from, to).toMillis());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * NEWS2 of respiration, SpO2 (scale 1), systolic pressure, pulse and temperature, for patients on
   * air and alert, as the service scores them: to find when a planned deterioration reaches 7.
   */
  static int news2(double[] v) {
    long rr = Math.round(v[0]);
    long spo2 = Math.round(v[1]);
    long sbp = Math.round(v[2]);
    long pulse = Math.round(v[3]);
    double temp = Math.round(v[4] * 10) / 10.0;
    int score = rr <= 8 || rr >= 25 ? 3 : rr >= 21 ? 2 : rr <= 11 ? 1 : 0;
    score += spo2 <= 91 ? 3 : spo2 <= 93 ? 2 : spo2 <= 95 ? 1 : 0;
    score += sbp <= 90 || sbp >= 220 ? 3 : sbp <= 100 ? 2 : sbp <= 110 ? 1 : 0;
    score +=
        pulse <= 40 || pulse >= 131 ? 3 : pulse >= 111 ? 2 : pulse <= 50 || pulse >= 91 ? 1 : 0;
    score += temp <= 35.0 ? 3 : temp >= 39.1 ? 2 : temp <= 36.0 || temp >= 38.1 ? 1 : 0;
    return score;
  }

  static String patientId(int index) {
    return String.format(Locale.ROOT, "p-%03d", index + 1);
  }

  enum Type {
    DETERIORATION,
    SUDDEN_EVENT,
    MONITOR_SILENT
  }

  /** Where an incident takes the five parameters at its worst. */
  private enum Severity {
    SEPSIS(26, 91, 92, 125, 39.2),
    SUDDEN(28, 86, 88, 138, 0);

    private final double[] worst;

    Severity(double... worst) {
      this.worst = worst;
    }

    /** Between the baseline (0) and the worst (1); a worst of 0 leaves the parameter alone. */
    double[] values(Baseline baseline, double severity) {
      double[] normal = baseline.values();
      double[] values = new double[normal.length];
      for (int i = 0; i < normal.length; i++) {
        values[i] = worst[i] == 0 ? normal[i] : normal[i] + (worst[i] - normal[i]) * severity;
      }
      return values;
    }
  }

  /** One patient's normal respiration, SpO2, systolic pressure, pulse and temperature. */
  private record Baseline(double[] values) {

    /** How far each parameter wanders from the baseline over tens of minutes. */
    static final double[] WANDER = {1, 0.6, 4, 3, 0.15};

    /** Within the ranges that score 0, far enough from their edges to wander and stay there. */
    static Baseline draw(Random random) {
      return new Baseline(
          new double[] {
            14 + random.nextDouble() * 3,
            97 + random.nextDouble() * 1.5,
            118 + random.nextDouble() * 20,
            62 + random.nextDouble() * 18,
            36.5 + random.nextDouble() * 0.8
          });
    }
  }

  /**
   * A patient's incident: worsening from onset to worst, held until end, recovered by over (when
   * the patient may have another).
   */
  private record Episode(Type type, Instant onset, Instant worst, Instant end, Instant over) {

    double severity(Instant at) {
      if (at.isBefore(worst)) {
        return fraction(onset, at, worst);
      }
      if (at.isBefore(end)) {
        return 1;
      }
      return 1 - fraction(end, at, over);
    }
  }
}
