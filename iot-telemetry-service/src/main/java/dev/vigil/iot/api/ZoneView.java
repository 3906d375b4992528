package dev.vigil.iot.api;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.common.iot.ZoneStats;
import java.time.Instant;
import java.util.List;

/**
 * A zone now: the devices that reported in it (with the start of their latest closed minute and how
 * many alerts they have open), every open alert of the zone and its devices, its latest five-minute
 * statistics per metric and, for a road segment, its latest segment statistics.
 */
record ZoneView(
    String zone,
    List<DeviceSummary> devices,
    List<Alert> openAlerts,
    List<ZoneStats> latestStats,
    SegmentStats latestSegment) {

  /** One device of the zone. */
  record DeviceSummary(String deviceId, Instant lastMinute, int openAlerts) {}
}
