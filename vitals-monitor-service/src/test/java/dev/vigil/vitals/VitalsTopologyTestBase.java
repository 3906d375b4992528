package dev.vigil.vitals;

import static dev.vigil.common.testing.TestDrivers.input;
import static dev.vigil.common.testing.TestDrivers.output;

import dev.vigil.common.deadletter.DeadLetterExceptionHandler;
import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.testing.TestDrivers;
import dev.vigil.common.testing.VitalsReadingBuilder;
import dev.vigil.common.vitals.AdmissionStatus;
import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.vitals.monitor.PatientState;
import dev.vigil.vitals.monitor.VitalsStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the vitals topology in a TopologyTestDriver with the default settings, the dead-letter
 * handlers writing to a mock producer, and the wall clock at {@link #BEGINNING}.
 */
public abstract class VitalsTopologyTestBase {

  public static final String SERVICE = "vitals-monitor-service";
  public static final String PATIENT = "patient-1";
  public static final String WARD = "ward-7";
  public static final String BED = "12";

  public static final Instant BEGINNING = VitalsReadingBuilder.NINE_AM;
  public static final Instant ONE_MINUTE_LATER = BEGINNING.plus(Duration.ofMinutes(1));
  public static final Instant TEN_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(10));
  public static final Instant ONE_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));

  protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  protected Topology topology;
  protected TopologyTestDriver driver;
  protected TestInputTopic<String, VitalsReading> readings;
  protected TestInputTopic<String, Patient> patients;
  protected TestOutputTopic<String, EarlyWarningScore> scores;
  protected TestOutputTopic<String, VitalsAlert> alerts;
  protected TestOutputTopic<byte[], byte[]> deadLetters;

  /** The configuration under test; subclasses may change it. */
  protected VitalsProperties properties() {
    return VitalsProperties.defaults();
  }

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    VigilMetrics metrics = new VigilMetrics(registry);
    new VitalsTopology(properties(), metrics).build(builder);
    topology = builder.build();
    driver =
        TestDrivers.create(
            topology,
            BEGINNING,
            Map.of(
                DeadLetters.CONFIG_KEY,
                new DeadLetters(SERVICE, metrics, MockProducer::new),
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandler.class,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandler.class));
    readings = input(driver, VitalsTopics.READINGS);
    patients = input(driver, VitalsTopics.PATIENTS);
    scores = output(driver, VitalsTopics.SCORES);
    alerts = output(driver, VitalsTopics.ALERTS);
    deadLetters =
        driver.createOutputTopic(
            DeadLetters.topicFor(SERVICE),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  protected void admit(String patientId) {
    admit(patientId, 1);
  }

  protected void admit(String patientId, int spo2Scale) {
    patients.pipeInput(
        patientId, new Patient(patientId, WARD, BED, spo2Scale, AdmissionStatus.ACTIVE));
  }

  protected void discharge(String patientId) {
    patients.pipeInput(patientId, new Patient(patientId, WARD, BED, 1, AdmissionStatus.DISCHARGED));
  }

  protected void measure(VitalsReadingBuilder... builders) {
    for (VitalsReadingBuilder builder : builders) {
      VitalsReading reading = builder.build();
      readings.pipeInput(reading.patientId(), reading);
    }
  }

  /** A reading of {@link #PATIENT} at {@code time}, without parameters yet. */
  protected static VitalsReadingBuilder reading(Instant time) {
    return VitalsReadingBuilder.reading()
        .patientId(PATIENT)
        .readingId("r-" + time.getEpochSecond())
        .at(time);
  }

  protected List<AlertType> alertTypes() {
    return alerts.readValuesToList().stream().map(VitalsAlert::type).toList();
  }

  protected PatientState state(String patientId) {
    return driver.<String, PatientState>getKeyValueStore(VitalsStores.PATIENT_STATE).get(patientId);
  }
}
