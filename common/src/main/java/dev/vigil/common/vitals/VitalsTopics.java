package dev.vigil.common.vitals;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.topic.Topic;
import dev.vigil.common.topic.TopicAccess;
import java.util.List;

/** The topics of the patient-monitoring domain, with their keys and formats. */
public final class VitalsTopics {

  /** Keyed by patient id. */
  public static final Topic<String, VitalsReading> READINGS =
      Topic.events("vitals.readings", serdeFor(VitalsReading.class));

  /** Keyed by patient id. Must have as many partitions as {@link #READINGS}: they are joined. */
  public static final Topic<String, Patient> PATIENTS =
      Topic.table("vitals.patients", serdeFor(Patient.class));

  /** Keyed by patient id. */
  public static final Topic<String, EarlyWarningScore> SCORES =
      Topic.events("vitals.scores", serdeFor(EarlyWarningScore.class));

  /** Keyed by patient id. */
  public static final Topic<String, VitalsAlert> ALERTS =
      Topic.events("vitals.alerts", serdeFor(VitalsAlert.class));

  /** What the vitals monitor service reads and writes. */
  public static final TopicAccess SERVICE_ACCESS =
      new TopicAccess(List.of(READINGS, PATIENTS), List.of(SCORES, ALERTS));

  public static final List<Topic<String, ?>> ALL = List.of(READINGS, PATIENTS, SCORES, ALERTS);

  private VitalsTopics() {}
}
