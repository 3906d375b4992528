package dev.vigil.vitals.monitor;

import dev.vigil.common.event.InvalidEventException;
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
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Scores each patient's vitals as readings arrive, and watches admitted patients' monitors on
 * wall-clock time.
 *
 * <p>Readings and admissions are both keyed by patient id and partitioned alike, so a task holds
 * its patients' admissions as well as their state, and its punctuator knows every admitted patient
 * on its partitions, including those whose monitor never sent anything. Silence is measured on
 * wall-clock time, so it is noticed even when no readings arrive at all; after a restart or a
 * rebalance each monitor gets a full timeout before it is called silent, since readings may be
 * waiting to be processed.
 */
public final class VitalsMonitor
    implements Processor<String, VitalsReading, String, MonitorOutput> {

  private final VitalsProperties properties;
  private final AlertPolicy policy;

  private ProcessorContext<String, MonitorOutput> context;
  private KeyValueStore<String, PatientState> states;
  private TimestampedKeyValueStore<String, Patient> patients;
  private long startedMs;

  private VitalsMonitor(VitalsProperties properties) {
    this.properties = properties;
    this.policy = new AlertPolicy(properties.trendWindow(), properties.deteriorationRise());
  }

  /** A supplier that also declares the monitor's own state store, so it is wired with it. */
  public static ProcessorSupplier<String, VitalsReading, String, MonitorOutput> supplier(
      VitalsProperties properties) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, VitalsReading, String, MonitorOutput> get() {
        return new VitalsMonitor(properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(VitalsStores.patientState());
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, MonitorOutput> context) {
    this.context = context;
    states = context.getStateStore(VitalsStores.PATIENT_STATE);
    patients = context.getStateStore(VitalsStores.PATIENTS);
    startedMs = context.currentSystemTimeMs();
    context.schedule(
        properties.silenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::watchMonitors);
  }

  @Override
  public void process(Record<String, VitalsReading> record) {
    VitalsReading reading = record.value();
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

    states.put(patientId, state);
    for (MonitorOutput output : outputs) {
      context.forward(record.withValue(output).withTimestamp(timeOf(output)));
    }
  }

  private void watchMonitors(long now) {
    long timeout = properties.silenceTimeout().toMillis();
    List<String> gone = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<Patient>> all = patients.all()) {
      while (all.hasNext()) {
        KeyValue<String, ValueAndTimestamp<Patient>> entry = all.next();
        Patient patient = ValueAndTimestamp.getValueOrNull(entry.value);
        if (patient == null || !patient.active()) {
          continue;
        }
        PatientState state = states.get(entry.key);
        if (state == null) {
          states.put(entry.key, PatientState.expectedFrom(now));
        } else if (!state.silent() && now - Math.max(state.lastHeardMs(), startedMs) >= timeout) {
          VitalsAlert alert =
              Alerts.silent(
                  entry.key,
                  patient,
                  state,
                  Instant.ofEpochMilli(state.lastHeardMs()),
                  Instant.ofEpochMilli(now));
          states.put(entry.key, state.silenced(alert));
          context.forward(new Record<>(entry.key, MonitorOutput.of(alert), now));
        }
      }
    }
    long unknownRetention = properties.unknownPatientRetention().toMillis();
    try (KeyValueIterator<String, PatientState> all = states.all()) {
      while (all.hasNext()) {
        KeyValue<String, PatientState> entry = all.next();
        Patient patient = patient(entry.key);
        boolean discharged = patient != null && !patient.active();
        boolean forgotten = patient == null && now - entry.value.lastHeardMs() > unknownRetention;
        if (discharged || forgotten) {
          gone.add(entry.key);
        }
      }
    }
    gone.forEach(states::delete);
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
