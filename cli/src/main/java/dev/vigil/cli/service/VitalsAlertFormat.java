package dev.vigil.cli.service;

import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.common.vitals.VitalsTopics;

/**
 * {@code HIGH ward-7 bed 3 NEWS2 10, high risk, up from 0 (none): emergency response}: where the
 * patient is and the service's own sentence. The kind is the band an escalation reached, or what
 * happened otherwise. Patient ids stay off the screen: the ward and bed are what the team needs.
 */
final class VitalsAlertFormat implements AlertFormat {

  @Override
  public AlertLine format(byte[] value) {
    VitalsAlert alert =
        VitalsTopics.ALERTS
            .valueSerde()
            .deserializer()
            .deserialize(VitalsTopics.ALERTS.name(), value);
    return new AlertLine(alert.eventTime(), kind(alert), facts(alert));
  }

  static String kind(VitalsAlert alert) {
    return switch (alert.type()) {
      case ESCALATION -> String.valueOf(alert.riskBand());
      case DE_ESCALATION -> "BETTER";
      case DETERIORATION -> "WORSE";
      case MONITOR_SILENT -> "SILENT";
      case MONITOR_RESUMED -> "RESUMED";
    };
  }

  static String facts(VitalsAlert alert) {
    String where =
        alert.ward() == null
            ? "no admission"
            : alert.ward() + (alert.bed() == null ? "" : " bed " + alert.bed());
    return where + "  " + alert.reason();
  }
}
