package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.common.iot.ZoneStats;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A zone's latest statistics per metric, its latest segment statistics with the minutes they were
 * averaged over (at most five), and its open congestion alert. {@code heardAt} is when, on the
 * service's clock, the zone last heard of new statistics, for forgetting zones that went quiet.
 */
public record ZoneOverview(
    Map<String, ZoneStats> latestStats,
    SegmentStats latestSegment,
    List<SegmentMinute> recentMinutes,
    Alert congestion,
    Instant heardAt) {

  public static final ZoneOverview EMPTY =
      new ZoneOverview(Map.of(), null, List.of(), null, Instant.EPOCH);

  public ZoneOverview {
    latestStats = Collections.unmodifiableMap(new TreeMap<>(latestStats));
    recentMinutes = List.copyOf(recentMinutes);
  }
}
