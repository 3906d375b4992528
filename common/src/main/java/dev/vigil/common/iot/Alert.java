package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;
import static dev.vigil.common.event.Checks.timestamp;

import dev.vigil.common.event.TimestampedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert opening or closing, on {@code iot.alerts}, keyed by device id (by zone for zone alerts).
 * Both records of one alert share {@code alertId}. {@code values} are the figures that triggered
 * it, in the units of {@code metric} or as their names say; {@code eventTime} is when this record
 * was raised: the reading that opened or closed it, or the wall-clock time offline was detected.
 *
 * @param deviceId {@code null} for a zone alert
 * @param metric {@code null} for an alert about the whole device or zone
 * @param closedAt {@code null} while open
 * @param durationSeconds from {@code openedAt} to {@code closedAt}; {@code null} while open
 */
public record Alert(
    String alertId,
    AlertType type,
    AlertStatus status,
    String deviceId,
    String zone,
    String metric,
    Map<String, Double> values,
    Instant openedAt,
    Instant closedAt,
    Long durationSeconds,
    Instant eventTime)
    implements TimestampedEvent {

  public Alert {
    text(alertId, "alertId");
    required(type, "type");
    required(status, "status");
    values = values == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
    timestamp(openedAt, "openedAt");
    timestamp(eventTime, "eventTime");
  }

  /** A new alert, identified by what it is about and when it opened. */
  public static Alert open(
      AlertType type,
      String deviceId,
      String zone,
      Metric metric,
      Map<String, Double> values,
      Instant openedAt,
      Instant eventTime) {
    String subject = deviceId != null ? deviceId : zone;
    String metricId = metric == null ? null : metric.id();
    String alertId =
        subject
            + ":"
            + type
            + (metricId == null ? "" : ":" + metricId)
            + ":"
            + openedAt.toEpochMilli();
    return new Alert(
        alertId,
        type,
        AlertStatus.OPEN,
        deviceId,
        zone,
        metricId,
        values,
        openedAt,
        null,
        null,
        eventTime);
  }

  /** The closing record of this alert, with the figures at the time it closed. */
  public Alert close(AlertType closingType, Map<String, Double> closingValues, Instant at) {
    return new Alert(
        alertId,
        closingType,
        AlertStatus.CLOSED,
        deviceId,
        zone,
        metric,
        closingValues,
        openedAt,
        at,
        Math.max(0, Duration.between(openedAt, at).toSeconds()),
        at);
  }

  public Alert close(Map<String, Double> closingValues, Instant at) {
    return close(type, closingValues, at);
  }

  /** The key on {@code iot.alerts}. */
  public String key() {
    return deviceId != null ? deviceId : zone;
  }
}
