package dev.vigil.vitals.monitor;

import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsReading;

/**
 * What the monitor reads, both keyed by patient id: a reading from a bedside monitor, or a change
 * of a patient's admission. Admissions come to the monitor itself, not only into a table, so that
 * one for a patient it has never heard from schedules the check that will call the monitor silent.
 */
public sealed interface MonitorInput {

  record Reading(VitalsReading reading) implements MonitorInput {}

  /**
   * @param patient the admission as it now stands, {@code null} once it was removed from {@code
   *     vitals.patients}
   */
  record Admission(Patient patient) implements MonitorInput {}
}
