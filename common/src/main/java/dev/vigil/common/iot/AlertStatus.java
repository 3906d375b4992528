package dev.vigil.common.iot;

/** Each alert is sent once when it opens and once when it closes. */
public enum AlertStatus {
  OPEN,
  CLOSED
}
