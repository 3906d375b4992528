package dev.vigil.vitals;

import static dev.vigil.common.vitals.VitalsTopics.ALERTS;
import static dev.vigil.common.vitals.VitalsTopics.PATIENTS;
import static dev.vigil.common.vitals.VitalsTopics.READINGS;
import static dev.vigil.common.vitals.VitalsTopics.SCORES;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.metrics.MeasuredEmission;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.vitals.monitor.MonitorOutput;
import dev.vigil.vitals.monitor.VitalsMonitor;
import dev.vigil.vitals.monitor.VitalsStores;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Named;

/**
 * Turns bedside monitor readings into NEWS2 scores and alerts for the ward team.
 *
 * <p>Readings arrive keyed by patient id, so no repartition is needed. Admissions are a table, not
 * a global table: partitioned like the readings, each task holds the admissions of its own
 * patients, which is exactly what its silent-monitor check has to scan, and state for a patient
 * never leaves the task that scores them.
 */
public final class VitalsTopology {

  public static final String READINGS_SOURCE = "readings-source";
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
    ReferenceData.table(builder, PATIENTS, VitalsStores.PATIENTS);

    builder.stream(READINGS.name(), READINGS.consumed().withName(READINGS_SOURCE))
        .process(VitalsMonitor.supplier(properties), Named.as(MONITOR), VitalsStores.PATIENTS)
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
