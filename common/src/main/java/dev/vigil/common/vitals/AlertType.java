package dev.vigil.common.vitals;

/** Why the ward is told about a patient. */
public enum AlertType {
  /** The risk band rose. */
  ESCALATION,
  /** The risk band fell, on a complete score. */
  DE_ESCALATION,
  /** The aggregate rose by 3 or more within the trend window, the band staying the same. */
  DETERIORATION,
  /** No reading arrived for an admitted patient for the silence timeout. */
  MONITOR_SILENT,
  /** A reading arrived for a patient whose monitor had gone silent. */
  MONITOR_RESUMED
}
