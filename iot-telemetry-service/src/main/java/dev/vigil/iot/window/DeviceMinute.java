package dev.vigil.iot.window;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.MetricAggregate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A device's closed one-minute window, with the zone and type it had when the window closed ({@code
 * null} for an unregistered device). Its record time is the window's start, so that on the way to
 * its zone it falls into the zone window that contains its minute.
 */
public record DeviceMinute(
    String deviceId,
    String zone,
    DeviceType type,
    Instant windowStart,
    Instant windowEnd,
    Map<String, MetricStats> metrics) {

  public DeviceMinute {
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  /** A device's closed minute, before it is placed in the device's zone. */
  public static DeviceMinute of(String deviceId, WindowResult.Closed<DeviceWindow> window) {
    return new DeviceMinute(
        deviceId, null, null, window.start(), window.end(), window.aggregate().metrics());
  }

  /** This minute in the zone and with the type of the device's registration, if it has one. */
  public DeviceMinute placedIn(Device device) {
    return device == null
        ? this
        : new DeviceMinute(deviceId, device.zone(), device.type(), windowStart, windowEnd, metrics);
  }

  public List<MetricAggregate> aggregates() {
    return metrics.entrySet().stream()
        .map(
            e -> {
              MetricStats s = e.getValue();
              return new MetricAggregate(
                  deviceId,
                  zone,
                  e.getKey(),
                  windowStart,
                  windowEnd,
                  s.count(),
                  s.min(),
                  s.max(),
                  s.mean(),
                  s.stdDev());
            })
        .toList();
  }

  /** Each metric's mean over the minute. */
  public Map<String, Double> means() {
    Map<String, Double> means = new TreeMap<>();
    metrics.forEach((metric, stats) -> means.put(metric, stats.mean()));
    return means;
  }
}
