package dev.vigil.iot.rules;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import java.time.Instant;

/**
 * The same value {@code repeats} times in a row on a metric that should vary (see {@link
 * dev.vigil.common.iot.Metric#varies()}): a frozen sensor still reports, so only its values give it
 * away. Opened at the reading that completes the run, dated from the run's first reading, and
 * closed by the first different value.
 */
public final class StuckSensorRule {

  /** The current run of equal values, and the alert if one is open. */
  public record Run(Double value, int length, Instant since, Alert open) {
    public static final Run NONE = new Run(null, 0, null, null);
  }

  private final int repeats;

  public StuckSensorRule(int repeats) {
    this.repeats = repeats;
  }

  public Step<Run> apply(Run run, Observation o) {
    if (!o.metric().varies()) {
      return Step.quiet(Run.NONE);
    }
    if (run.value() == null || run.value() != o.value()) {
      Run next = new Run(o.value(), 1, o.time(), null);
      if (run.open() == null) {
        return Step.quiet(next);
      }
      return new Step<>(
          next,
          run.open()
              .close(
                  Figures.of("value", o.value())
                      .and("stuckValue", run.value())
                      .and("repeats", (double) run.length())
                      .map(),
                  o.time()));
    }
    Run longer = new Run(run.value(), run.length() + 1, run.since(), run.open());
    if (longer.open() != null || longer.length() < repeats) {
      return Step.quiet(longer);
    }
    Alert opened =
        Alert.open(
            AlertType.STUCK_SENSOR,
            o.deviceId(),
            o.zone(),
            o.metric(),
            Figures.of("value", o.value()).and("repeats", (double) longer.length()).map(),
            longer.since(),
            o.time());
    return new Step<>(new Run(run.value(), longer.length(), run.since(), opened), opened);
  }
}
