package dev.vigil.vitals.monitor;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.vitals.VitalsProperties;
import dev.vigil.vitals.news2.News2Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Scores each patient's vitals as readings arrive, and watches admitted patients' monitors on
 * wall-clock time.
 *
 * <p>Readings and admissions are both keyed by patient id and partitioned alike, and both come to
 * this processor, so a task holds its patients' admissions as well as their state. Silence is
 * measured on wall-clock time, so it is noticed even when no readings arrive at all; after a
 * restart or a rebalance each monitor gets a full timeout before it is called silent, since
 * readings may be waiting to be processed.
 *
 * <p>Checks are lazy timers in a time index: one entry per patient, never later than when the
 * patient next needs looking at (its monitor's silence, forgetting a discharged or unknown
 * patient). A reading only records when it arrived; an entry that falls due finds the patient's
 * real deadline in the state and either acts or moves on to it. An admission of a patient not heard
 * from yet schedules a check at once, which starts the silence clock, as a sweep of all admissions
 * did. So a check costs what is due, however many patients are admitted.
 */
public final class VitalsMonitor implements Processor<String, MonitorInput, String, MonitorOutput> {

  /** Entries taken from the index at a time, so that one batch's keys stay small. */
  private static final int BATCH = 1_000;

  private final VitalsProperties properties;
  private final AlertPolicy policy;

  private ProcessorContext<String, MonitorOutput> context;
  private KeyValueStore<String, PatientState> states;
  private TimestampedKeyValueStore<String, Patient> patients;
  private TimeIndex checks;
  private long startedMs;

  private VitalsMonitor(VitalsProperties properties) {
    this.properties = properties;
    this.policy = new AlertPolicy(properties.trendWindow(), properties.deteriorationRise());
  }

  /** A supplier that also declares the monitor's own state stores, so they are wired with it. */
  public static ProcessorSupplier<String, MonitorInput, String, MonitorOutput> supplier(
      VitalsProperties properties) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, MonitorInput, String, MonitorOutput> get() {
        return new VitalsMonitor(properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return VitalsStores.monitorStores();
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, MonitorOutput> context) {
    this.context = context;
    states = context.getStateStore(VitalsStores.PATIENT_STATE);
    patients = context.getStateStore(VitalsStores.PATIENTS);
    checks = TimeIndex.over(context.getStateStore(VitalsStores.MONITOR_CHECKS));
    startedMs = context.currentSystemTimeMs();
    context.schedule(
        properties.silenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkMonitors);
  }

  @Override
  public void process(Record<String, MonitorInput> record) {
    if (record.value() instanceof MonitorInput.Reading reading) {
      score(record, reading.reading());
    } else if (record.value() instanceof MonitorInput.Admission admission) {
      admit(record.key(), admission, record.timestamp());
    }
  }

  private void score(Record<String, MonitorInput> record, VitalsReading reading) {
    String patientId = reading.patientId();
    if (!patientId.equals(record.key())) {
      // Keyed otherwise, it is on another partition than the patient's admission and state.
      throw new InvalidEventException("the record key must be the reading's patientId");
    }
    Patient patient = patient(patientId);
    if (patient != null && !patient.active()) {
      states.delete(patientId);
      return;
    }
    long now = context.currentSystemTimeMs();
    PatientState state = states.get(patientId);
    if (state == null) {
      state = PatientState.expectedFrom(now);
    }
    List<MonitorOutput> outputs = new ArrayList<>();
    if (state.silent()) {
      outputs.add(
          MonitorOutput.of(
              Alerts.resumed(
                  patientId,
                  patient,
                  state,
                  Instant.ofEpochMilli(state.lastHeardMs()),
                  Instant.ofEpochMilli(now),
                  reading.eventTime())));
    }
    state = state.heard(now);

    Instant newest = state.newestReading();
    if (newest == null || !reading.eventTime().isBefore(newest.minus(properties.staleness()))) {
      state = state.withReading(reading);
      EarlyWarningScore score =
          News2Scorer.score(
              patientId,
              state.latest(),
              patient == null ? 1 : patient.spo2Scale(),
              state.newestReading(),
              properties.staleness());
      boolean changed = !score.sameScoreAs(state.score());
      AlertPolicy.Outcome outcome = policy.apply(state, score, patient);
      state = outcome.state();
      if (changed) {
        outputs.add(MonitorOutput.of(score));
      }
      outcome.alerts().forEach(a -> outputs.add(MonitorOutput.of(a)));
    }
    // Otherwise the reading is older than the staleness limit: none of it could count.

    states.put(patientId, scheduled(patientId, state, patient, now));
    for (MonitorOutput output : outputs) {
      context.forward(record.withValue(output).withTimestamp(timeOf(output)));
    }
  }

  private void admit(String patientId, MonitorInput.Admission admission, long timestamp) {
    if (patientId == null) {
      // As a table would: a record without a key names no patient.
      return;
    }
    Patient patient = admission.patient();
    if (patient == null) {
      patients.delete(patientId);
    } else {
      patients.put(patientId, ValueAndTimestamp.make(patient, timestamp));
    }
    long now = context.currentSystemTimeMs();
    PatientState state = states.get(patientId);
    if (state == null) {
      if (patient != null && patient.active()) {
        // Checked at the next check, which starts the silence clock of a monitor never heard.
        checks.add(now, patientId);
      }
      return;
    }
    PatientState rescheduled = scheduled(patientId, state, patient, now);
    if (rescheduled != state) {
      states.put(patientId, rescheduled);
    }
  }

  private void checkMonitors(long now) {
    List<TimeIndex.Entry> due;
    do {
      due = checks.takeDue(now, BATCH);
      for (TimeIndex.Entry entry : due) {
        check(entry, now);
      }
    } while (due.size() == BATCH);
  }

  private void check(TimeIndex.Entry entry, long now) {
    String patientId = entry.id();
    Patient patient = patient(patientId);
    PatientState state = states.get(patientId);
    if (state == null) {
      if (patient != null && patient.active()) {
        states.put(patientId, scheduled(patientId, PatientState.expectedFrom(now), patient, now));
      }
      return;
    }
    if (state.nextCheckMs() != entry.time()) {
      // Left by state forgotten since (a reading of a discharged patient) and made anew.
      return;
    }
    long deadline = deadline(state, patient, now);
    if (deadline > now) {
      checks.add(deadline, patientId);
      states.put(patientId, state.checkedAt(deadline));
    } else if (patient != null && patient.active()) {
      VitalsAlert alert =
          Alerts.silent(
              patientId,
              patient,
              state,
              Instant.ofEpochMilli(state.lastHeardMs()),
              Instant.ofEpochMilli(now));
      states.put(patientId, state.silenced(alert));
      context.forward(new Record<>(patientId, MonitorOutput.of(alert), now));
    } else {
      states.delete(patientId);
    }
  }

  /** The state with an entry in the index no later than its deadline. */
  private PatientState scheduled(String patientId, PatientState state, Patient patient, long now) {
    long deadline = deadline(state, patient, now);
    if (deadline >= state.nextCheckMs()) {
      return state;
    }
    if (state.nextCheckMs() == PatientState.NO_CHECK) {
      checks.add(deadline, patientId);
    } else {
      checks.move(state.nextCheckMs(), deadline, patientId);
    }
    return state.checkedAt(deadline);
  }

  /**
   * When the patient next needs looking at: a discharged patient's state is forgotten at the next
   * check, an unknown patient's once the retention has passed since the last reading, and an
   * admitted patient's monitor is silent once the timeout has passed since the last reading or
   * since this instance started, whichever is later.
   */
  private long deadline(PatientState state, Patient patient, long now) {
    if (patient == null) {
      return state.lastHeardMs() + properties.unknownPatientRetention().toMillis() + 1;
    }
    if (!patient.active()) {
      return now;
    }
    if (state.silent()) {
      return PatientState.NO_CHECK;
    }
    return Math.max(state.lastHeardMs(), startedMs) + properties.silenceTimeout().toMillis();
  }

  private Patient patient(String patientId) {
    return ValueAndTimestamp.getValueOrNull(patients.get(patientId));
  }

  /** A score and the alerts it raises carry the score's time; a resumed monitor its reading's. */
  private static long timeOf(MonitorOutput output) {
    if (output.isScore()) {
      return output.score().eventTime().toEpochMilli();
    }
    return output.alert().eventTime().toEpochMilli();
  }
}
