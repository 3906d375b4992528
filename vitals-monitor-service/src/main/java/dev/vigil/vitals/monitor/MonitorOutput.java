package dev.vigil.vitals.monitor;

import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.VitalsAlert;

/** What the monitor emits: a changed score or an alert; exactly one of the two is set. */
public record MonitorOutput(EarlyWarningScore score, VitalsAlert alert) {

  static MonitorOutput of(EarlyWarningScore score) {
    return new MonitorOutput(score, null);
  }

  static MonitorOutput of(VitalsAlert alert) {
    return new MonitorOutput(null, alert);
  }

  public boolean isScore() {
    return score != null;
  }
}
