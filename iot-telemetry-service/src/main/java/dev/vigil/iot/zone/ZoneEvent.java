package dev.vigil.iot.zone;

import dev.vigil.common.iot.ZoneStats;
import java.util.List;

/**
 * What the zone monitor hears about a zone: a device's minute or alert, a closed five-minute
 * window's statistics, or a closed segment minute. Lives only inside the zone's task.
 */
public sealed interface ZoneEvent {

  /** A device's closed minute or alert. */
  record DeviceNews(ZoneInput input) implements ZoneEvent {}

  /** The statistics of a closed five-minute window, one per metric. */
  record Stats(List<ZoneStats> stats) implements ZoneEvent {}

  /** A closed minute of a road segment. */
  record Segment(SegmentMinute minute) implements ZoneEvent {}

  static ZoneEvent of(ZoneInput device) {
    return new DeviceNews(device);
  }

  static ZoneEvent of(List<ZoneStats> stats) {
    return new Stats(stats);
  }

  static ZoneEvent of(SegmentMinute segment) {
    return new Segment(segment);
  }
}
