package dev.vigil.iot.api;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.MetricAggregate;
import java.time.Instant;
import java.util.List;

/**
 * A device now: its registration ({@code null} if unregistered), the event time of its newest
 * reading and when that arrived ({@code null} before the first), whether it is online, its open
 * alerts, and its latest closed minute per metric.
 */
record DeviceView(
    String deviceId,
    Device device,
    Instant lastSeen,
    Instant lastArrival,
    boolean online,
    List<Alert> openAlerts,
    List<MetricAggregate> latestAggregates) {}
