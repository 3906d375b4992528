package dev.vigil.cli.service;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.IotTopics;
import java.util.Locale;
import java.util.Map;

/**
 * {@code BREACH harbour air-harbour-2 pm25 38.4 above 25.0 for 60 s}: what opened or closed, where,
 * and the figures that made it. Each alert shows twice, when it opens and when it is over.
 */
final class IotAlertFormat implements AlertFormat {

  @Override
  public AlertLine format(byte[] value) {
    Alert alert =
        IotTopics.ALERTS.valueSerde().deserializer().deserialize(IotTopics.ALERTS.name(), value);
    return new AlertLine(alert.eventTime(), kind(alert), facts(alert));
  }

  static String kind(Alert alert) {
    if (alert.type() == AlertType.DEVICE_ONLINE) {
      return "ONLINE";
    }
    if (alert.status() == AlertStatus.CLOSED) {
      return "CLEARED";
    }
    return switch (alert.type()) {
      case THRESHOLD_BREACH -> "BREACH";
      case ANOMALY -> "ANOMALY";
      case STUCK_SENSOR -> "STUCK";
      case DEVICE_OFFLINE -> "OFFLINE";
      case DEVICE_ONLINE -> "ONLINE";
      case CONGESTION -> "JAM";
    };
  }

  static String facts(Alert alert) {
    String where =
        (alert.zone() == null ? "" : alert.zone() + " ")
            + (alert.deviceId() == null ? "" : alert.deviceId() + " ")
            + (alert.metric() == null ? "" : alert.metric() + " ");
    if (alert.type() == AlertType.DEVICE_ONLINE) {
      return where + "reporting again after " + alert.durationSeconds() + " s";
    }
    if (alert.status() == AlertStatus.CLOSED) {
      String what = alert.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      return where + what + " over after " + alert.durationSeconds() + " s";
    }
    Map<String, Double> v = alert.values();
    return where
        + switch (alert.type()) {
          case THRESHOLD_BREACH ->
              number(v.get("value"))
                  + (v.containsKey("max") && v.get("value") > v.get("max")
                      ? " above " + number(v.get("max"))
                      : " below " + number(v.get("min")))
                  + " for "
                  + number(v.get("breachSeconds"))
                  + " s";
          case ANOMALY ->
              number(v.get("value"))
                  + ", usually "
                  + number(v.get("baselineMean"))
                  + " ± "
                  + number(v.get("baselineStdDev"))
                  + " (z "
                  + number(v.get("zScore"))
                  + ")";
          case STUCK_SENSOR ->
              "stuck at "
                  + number(v.get("value"))
                  + " for "
                  + number(v.get("repeats"))
                  + " readings";
          case DEVICE_OFFLINE ->
              "silent for "
                  + number(v.get("silentSeconds"))
                  + " s, expected every "
                  + number(v.get("expectedIntervalSeconds"))
                  + " s";
          case DEVICE_ONLINE -> "reporting again";
          case CONGESTION ->
              number(v.get("avgSpeedKmh"))
                  + " km/h on average, "
                  + number(v.get("vehiclesPerMinute"))
                  + " vehicles a minute";
        };
  }

  /** Whole numbers without a decimal point, others with what they have. */
  private static String number(Double value) {
    if (value == null) {
      return "?";
    }
    return value == Math.rint(value) ? Long.toString(value.longValue()) : String.valueOf(value);
  }
}
