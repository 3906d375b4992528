package dev.vigil.iot.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of a device's recent readings: sequence numbers for devices that number their readings,
 * event times (epoch milliseconds) for the others. Each list keeps at most a given number of the
 * highest ids, and event times only within a retention from the newest, so the state per device is
 * a few hundred bytes however long it reports.
 */
public record RecentReadings(List<Long> sequences, List<Long> times, Instant newest) {

  public static final RecentReadings EMPTY =
      new RecentReadings(List.of(), List.of(), Instant.EPOCH);

  public RecentReadings {
    sequences = List.copyOf(sequences);
    times = List.copyOf(times);
  }

  public boolean contains(Long sequence, Instant eventTime) {
    return sequence != null
        ? sequences.contains(sequence)
        : times.contains(eventTime.toEpochMilli());
  }

  public RecentReadings with(Long sequence, Instant eventTime, int max, Duration retention) {
    Instant latest = eventTime.isAfter(newest) ? eventTime : newest;
    List<Long> nextSequences =
        sequence == null ? sequences : bounded(sequences, sequence, max, Long.MIN_VALUE);
    List<Long> nextTimes =
        sequence != null
            ? bounded(times, null, max, latest.minus(retention).toEpochMilli())
            : bounded(times, eventTime.toEpochMilli(), max, latest.minus(retention).toEpochMilli());
    return new RecentReadings(nextSequences, nextTimes, latest);
  }

  private static List<Long> bounded(List<Long> ids, Long added, int max, long oldest) {
    List<Long> kept = new ArrayList<>(ids.size() + 1);
    ids.stream().filter(id -> id >= oldest).forEach(kept::add);
    if (added != null) {
      kept.add(added);
    }
    kept.sort(null);
    return kept.size() > max ? kept.subList(kept.size() - max, kept.size()) : kept;
  }
}
