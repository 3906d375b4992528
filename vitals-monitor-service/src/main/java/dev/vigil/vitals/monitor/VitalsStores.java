package dev.vigil.vitals.monitor;

import dev.vigil.common.state.StateSerdes;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Measurement;
import dev.vigil.common.vitals.Observations;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.SubScores;
import dev.vigil.common.vitals.VitalSign;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.common.vitals.VitalsTopics;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The vitals service's state stores. Their names are part of the deployed state: each names a
 * changelog topic, so renaming one loses that state on upgrade, and a store whose values change
 * shape gets a new name, so that no release reads another's changelog with the wrong serde.
 */
public final class VitalsStores {

  /**
   * Patient id → admission, from {@code vitals.patients} as it is there; partitioned like the
   * readings.
   */
  public static final String PATIENTS = "patients";

  /** Patient id → latest vitals, score, alert state and monitor state. */
  public static final String PATIENT_STATE = "monitor-state";

  /** When each patient's monitor next has to be looked at, on the wall clock. */
  public static final String MONITOR_CHECKS = "monitor-checks";

  static final Serde<PatientState> PATIENT_STATE_VALUES = patientStateValues();

  private VitalsStores() {}

  static Serde<PatientState> patientStateValues() {
    return StateSerdes.binary(
        PatientState.class,
        Observations.class,
        Measurement.class,
        Consciousness.class,
        EarlyWarningScore.class,
        SubScores.class,
        VitalSign.class,
        RiskBand.class,
        TrendRun.class,
        VitalsAlert.class,
        AlertType.class);
  }

  static Set<StoreBuilder<?>> monitorStores() {
    return Set.of(
        // As the table of vitals.patients kept it before the monitor did, to the changelog.
        Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentKeyValueStore(PATIENTS),
                Serdes.String(),
                VitalsTopics.PATIENTS.valueSerde())
            .withCachingEnabled(),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PATIENT_STATE), Serdes.String(), PATIENT_STATE_VALUES),
        TimeIndex.store(MONITOR_CHECKS));
  }
}
