package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A device as its zone sees it: the start of its latest closed minute ({@code null} before one
 * closed) and its open alerts. {@code heardAt} is when, on the service's clock, the zone last heard
 * of it, for forgetting devices that went quiet.
 */
public record ZoneDevice(
    String deviceId, Instant lastMinute, List<Alert> openAlerts, Instant heardAt) {

  public ZoneDevice {
    openAlerts = List.copyOf(openAlerts);
  }

  public static ZoneDevice of(String deviceId) {
    return new ZoneDevice(deviceId, null, List.of(), Instant.EPOCH);
  }

  public ZoneDevice withMinute(Instant minute, Instant now) {
    Instant latest = lastMinute == null || minute.isAfter(lastMinute) ? minute : lastMinute;
    return new ZoneDevice(deviceId, latest, openAlerts, now);
  }

  /** An opening alert is added, a closing one removes the alert it closes. */
  public ZoneDevice withAlert(Alert alert, Instant now) {
    List<Alert> open = new ArrayList<>(openAlerts);
    open.removeIf(a -> a.alertId().equals(alert.alertId()));
    if (alert.status() == AlertStatus.OPEN) {
      open.add(alert);
    }
    return new ZoneDevice(deviceId, lastMinute, open, now);
  }
}
