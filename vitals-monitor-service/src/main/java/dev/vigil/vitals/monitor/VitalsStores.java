package dev.vigil.vitals.monitor;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The vitals service's state stores. Their names are part of the deployed state: each names a
 * changelog topic, so renaming one loses that state on upgrade.
 */
public final class VitalsStores {

  /** Patient id → admission, from {@code vitals.patients}; partitioned like the readings. */
  public static final String PATIENTS = "patients";

  /** Patient id → latest vitals, score, alert state and monitor state. */
  public static final String PATIENT_STATE = "patient-state";

  private VitalsStores() {}

  static StoreBuilder<KeyValueStore<String, PatientState>> patientState() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PATIENT_STATE),
        Serdes.String(),
        serdeFor(PatientState.class));
  }
}
