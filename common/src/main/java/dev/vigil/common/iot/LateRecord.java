package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record that arrived after its window had closed (its end plus the grace period passed in stream
 * time), on {@code iot.late}, keyed by device id. It is in no aggregate; this is where it went
 * instead. {@code window} says which aggregation refused it: {@code device-minute} for a reading,
 * {@code zone-stats} or {@code segment-minute} for a device's one-minute means on their way to its
 * zone. {@code metrics} are the reading's values or those means.
 */
public record LateRecord(
    String deviceId,
    String zone,
    String window,
    Instant eventTime,
    Instant windowStart,
    Instant windowEnd,
    Instant streamTime,
    long graceSeconds,
    String reason,
    Map<String, Double> metrics) {

  public LateRecord {
    text(deviceId, "deviceId");
    text(window, "window");
    required(eventTime, "eventTime");
    required(windowStart, "windowStart");
    required(windowEnd, "windowEnd");
    required(streamTime, "streamTime");
    text(reason, "reason");
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
  }
}
