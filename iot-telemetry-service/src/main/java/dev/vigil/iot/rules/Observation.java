package dev.vigil.iot.rules;

import dev.vigil.common.iot.Metric;
import java.time.Instant;

/** One metric's value in one reading, with the device and zone ({@code null} if unregistered). */
public record Observation(
    String deviceId, String zone, Metric metric, double value, Instant time) {}
