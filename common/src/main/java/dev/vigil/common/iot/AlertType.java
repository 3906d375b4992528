package dev.vigil.common.iot;

/** What an alert on {@code iot.alerts} is about. */
public enum AlertType {
  /** A metric outside the device's threshold for at least the threshold's duration. */
  THRESHOLD_BREACH,
  /** A reading far from the device's own recent baseline for that metric. */
  ANOMALY,
  /** The same value repeated on a metric that should vary. */
  STUCK_SENSOR,
  /** No reading for three times the device's expected interval. */
  DEVICE_OFFLINE,
  /** The closing record of a {@link #DEVICE_OFFLINE} alert: the device reports again. */
  DEVICE_ONLINE,
  /** A road segment's vehicles are slow while many: the Linear Road toll condition. */
  CONGESTION
}
