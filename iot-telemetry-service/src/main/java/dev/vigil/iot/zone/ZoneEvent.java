package dev.vigil.iot.zone;

import dev.vigil.common.iot.ZoneStats;
import java.util.List;

/**
 * What the zone monitor hears about a zone: a device's minute or alert, a closed five-minute
 * window's statistics, or a closed segment minute. Exactly one field is set. Lives only inside the
 * zone's task.
 */
public record ZoneEvent(ZoneInput device, List<ZoneStats> stats, SegmentMinute segment) {

  public static ZoneEvent of(ZoneInput device) {
    return new ZoneEvent(device, null, null);
  }

  public static ZoneEvent of(List<ZoneStats> stats) {
    return new ZoneEvent(null, stats, null);
  }

  public static ZoneEvent of(SegmentMinute segment) {
    return new ZoneEvent(null, null, segment);
  }
}
