package dev.vigil.vitals.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.testing.VitalsReadingBuilder;
import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.vitals.VitalsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a restart each monitor gets a full timeout before it is called silent, since its readings
 * may still be waiting: the monitor restarted here keeps its stores, as a restored task does.
 */
class MonitorRestartTest {

  private static final String PATIENT = "patient-1";
  private static final Instant BEGINNING = VitalsReadingBuilder.NINE_AM;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final Instant RESTARTED = BEGINNING.plus(Duration.ofMinutes(4));

  private final MockProcessorContext<String, MonitorOutput> context = new MockProcessorContext<>();

  @BeforeEach
  void stores() {
    add(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(VitalsStores.PATIENT_STATE),
                Serdes.String(),
                VitalsStores.PATIENT_STATE_VALUES)
            .withLoggingDisabled()
            .build());
    add(
        Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(VitalsStores.PATIENTS),
                Serdes.String(),
                VitalsTopics.PATIENTS.valueSerde())
            .withLoggingDisabled()
            .build());
    add(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(VitalsStores.MONITOR_CHECKS),
                Serdes.Bytes(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build());
  }

  private void add(StateStore store) {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  private Processor<String, MonitorInput, String, MonitorOutput> startAt(Instant now) {
    context.setCurrentSystemTimeMs(now.toEpochMilli());
    Processor<String, MonitorInput, String, MonitorOutput> monitor =
        VitalsMonitor.supplier(VitalsProperties.defaults()).get();
    monitor.init(context);
    return monitor;
  }

  /** Runs the checks of the monitor started last at {@code now}. */
  private void checkAt(Instant now) {
    context.setCurrentSystemTimeMs(now.toEpochMilli());
    List<MockProcessorContext.CapturedPunctuator> punctuators = context.scheduledPunctuators();
    punctuators.get(punctuators.size() - 1).getPunctuator().punctuate(now.toEpochMilli());
  }

  private List<AlertType> alertTypes() {
    return context.forwarded().stream()
        .map(forwarded -> forwarded.record().value())
        .filter(output -> !output.isScore())
        .map(output -> output.alert().type())
        .toList();
  }

  @Test
  void shouldGiveEveryMonitorAFullTimeoutAfterARestart() {
    Processor<String, MonitorInput, String, MonitorOutput> first = startAt(BEGINNING);
    Patient admitted = new Patient(PATIENT, "ward-7", "12", 1, AdmissionStatus.ACTIVE);
    first.process(new Record<>(PATIENT, new MonitorInput.Admission(admitted), 0));
    first.process(
        new Record<>(
            PATIENT,
            new MonitorInput.Reading(
                VitalsReadingBuilder.reading().patientId(PATIENT).at(BEGINNING).pulse(72).build()),
            0));

    startAt(RESTARTED);
    checkAt(BEGINNING.plus(TIMEOUT));
    assertThat(alertTypes()).isEmpty();
    checkAt(RESTARTED.plus(TIMEOUT));

    assertThat(alertTypes()).containsExactly(AlertType.MONITOR_SILENT);
  }
}
