package dev.vigil.vitals;

import static dev.vigil.common.vitals.VitalsTopics.ALERTS;
import static dev.vigil.common.vitals.VitalsTopics.PATIENTS;
import static dev.vigil.common.vitals.VitalsTopics.READINGS;
import static dev.vigil.common.vitals.VitalsTopics.SCORES;

import dev.vigil.common.metrics.MeasuredEmission;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.vitals.monitor.MonitorInput;
import dev.vigil.vitals.monitor.MonitorOutput;
import dev.vigil.vitals.monitor.VitalsMonitor;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Turns bedside monitor readings into NEWS2 scores and alerts for the ward team.
 *
 * <p>Readings arrive keyed by patient id, so no repartition is needed. Admissions are keyed and
 * partitioned alike and go to the same processor, which keeps them in a store of its own: each task
 * holds the admissions of its own patients, sees a patient admitted as it happens (to watch a
 * monitor that never sends anything), and state for a patient never leaves the task that scores
 * them.
 */
public final class VitalsTopology {

  public static final String READINGS_SOURCE = "readings-source";
  public static final String ADMISSIONS_SOURCE = "admissions-source";
  public static final String MONITOR = "monitor";
  public static final String SCORES_SINK = "scores-sink";
  public static final String ALERTS_SINK = "alerts-sink";

  private final VitalsProperties properties;
  private final VigilMetrics metrics;

  public VitalsTopology(VitalsProperties properties, VigilMetrics metrics) {
    this.properties = properties;
    this.metrics = metrics;
  }

  public void build(StreamsBuilder builder) {
    KStream<String, MonitorInput> readings =
        builder.stream(READINGS.name(), READINGS.consumed().withName(READINGS_SOURCE))
            .mapValues(MonitorInput.Reading::new, Named.as("as-reading"));
    KStream<String, MonitorInput> admissions =
        builder.stream(PATIENTS.name(), PATIENTS.consumed().withName(ADMISSIONS_SOURCE))
            .mapValues(MonitorInput.Admission::new, Named.as("as-admission"));

    readings
        .merge(admissions, Named.as("readings-and-admissions"))
        .process(VitalsMonitor.supplier(properties), Named.as(MONITOR))
        .split(Named.as("output-"))
        .branch(
            (patientId, output) -> output.isScore(),
            Branched.withConsumer(
                scores ->
                    scores
                        .mapValues(MonitorOutput::score, Named.as("to-score"))
                        .processValues(
                            MeasuredEmission.of(metrics, SCORES.name()), Named.as("measure-scores"))
                        .to(SCORES.name(), SCORES.produced().withName(SCORES_SINK)),
                "scores"))
        .defaultBranch(
            Branched.withConsumer(
                alerts ->
                    alerts
                        .mapValues(MonitorOutput::alert, Named.as("to-alert"))
                        .processValues(
                            MeasuredEmission.alerts(
                                metrics, ALERTS.name(), alert -> alert.type().name()),
                            Named.as("measure-alerts"))
                        .to(ALERTS.name(), ALERTS.produced().withName(ALERTS_SINK)),
                "alerts"));
  }
}
