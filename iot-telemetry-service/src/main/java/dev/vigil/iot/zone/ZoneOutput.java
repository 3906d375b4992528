package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.SegmentStats;

/** A segment's statistics for a minute, or a congestion alert; exactly one is set. */
public record ZoneOutput(SegmentStats segment, Alert alert) {}
