package dev.vigil.vitals.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A patient's complete aggregates over the trend window, as runs of equal values, so a patient
 * scored every minute at the same aggregate costs one entry. Partial scores are left out: their
 * aggregate is only a lower bound, and a baseline must be exact.
 */
final class Trend {

  private Trend() {}

  /** The lowest complete aggregate scored within {@code window} before {@code at}, if any. */
  static Integer baseline(List<TrendRun> runs, Instant at, Duration window) {
    Instant from = at.minus(window);
    Integer lowest = null;
    for (TrendRun run : runs) {
      if (!run.to().isBefore(from) && (lowest == null || run.aggregate() < lowest)) {
        lowest = run.aggregate();
      }
    }
    return lowest;
  }

  /**
   * {@code runs} with a complete aggregate scored at {@code at}, and runs out of the window gone.
   */
  static List<TrendRun> with(List<TrendRun> runs, Instant at, int aggregate, Duration window) {
    List<TrendRun> updated = new ArrayList<>(runs.size() + 1);
    Instant from = at.minus(window);
    for (TrendRun run : runs) {
      if (!run.to().isBefore(from)) {
        updated.add(run);
      }
    }
    TrendRun last = updated.isEmpty() ? null : updated.get(updated.size() - 1);
    if (last != null && last.aggregate() == aggregate) {
      updated.set(
          updated.size() - 1,
          new TrendRun(last.from(), at.isAfter(last.to()) ? at : last.to(), aggregate));
    } else {
      updated.add(new TrendRun(at, at, aggregate));
    }
    return List.copyOf(updated);
  }
}
