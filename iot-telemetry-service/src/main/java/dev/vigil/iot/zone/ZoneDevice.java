package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A device as its zone sees it: the start of its latest closed minute ({@code null} before one
 * closed) and its open alerts. {@code updated} is the event time of the newest news of it.
 */
public record ZoneDevice(
    String deviceId, Instant lastMinute, List<Alert> openAlerts, Instant updated) {

  public ZoneDevice {
    openAlerts = List.copyOf(openAlerts);
  }

  public static ZoneDevice of(String deviceId) {
    return new ZoneDevice(deviceId, null, List.of(), Instant.EPOCH);
  }

  public ZoneDevice withMinute(Instant minute) {
    Instant latest = lastMinute == null || minute.isAfter(lastMinute) ? minute : lastMinute;
    return new ZoneDevice(deviceId, latest, openAlerts, later(latest));
  }

  /** An opening alert is added, a closing one removes the alert it closes. */
  public ZoneDevice withAlert(Alert alert) {
    List<Alert> open = new ArrayList<>(openAlerts);
    open.removeIf(a -> a.alertId().equals(alert.alertId()));
    if (alert.status() == AlertStatus.OPEN) {
      open.add(alert);
    }
    return new ZoneDevice(deviceId, lastMinute, open, later(alert.eventTime()));
  }

  private Instant later(Instant time) {
    return time.isAfter(updated) ? time : updated;
  }
}
