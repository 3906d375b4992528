package dev.vigil.iot.rules;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Threshold;
import java.time.Duration;
import java.time.Instant;

/**
 * A metric outside its device's threshold for at least the threshold's duration: opened by the
 * reading that makes the breach last that long, dated from the breach's first reading, and closed
 * by the first reading back inside. A single spike never lasts long enough, unless the duration is
 * zero.
 */
public final class ThresholdRule {

  /**
   * The current breach: since when the metric has been outside its threshold ({@code null} if it is
   * inside) and the alert, once opened.
   */
  public record Breach(Instant since, Alert open) {
    public static final Breach NONE = new Breach(null, null);
  }

  private final Duration defaultDuration;

  public ThresholdRule(Duration defaultDuration) {
    this.defaultDuration = defaultDuration;
  }

  public Step<Breach> apply(Breach breach, Observation o, Threshold threshold) {
    if (threshold == null || !threshold.breachedBy(o.value())) {
      if (breach.open() == null) {
        return Step.quiet(Breach.NONE);
      }
      return new Step<>(
          Breach.NONE, breach.open().close(figures(o, threshold, null).map(), o.time()));
    }
    Instant since = breach.since() == null ? o.time() : breach.since();
    if (breach.open() != null || o.time().isBefore(since.plus(durationOf(threshold)))) {
      return Step.quiet(new Breach(since, breach.open()));
    }
    Alert opened =
        Alert.open(
            AlertType.THRESHOLD_BREACH,
            o.deviceId(),
            o.zone(),
            o.metric(),
            figures(o, threshold, Duration.between(since, o.time())).map(),
            since,
            o.time());
    return new Step<>(new Breach(since, opened), opened);
  }

  private Duration durationOf(Threshold threshold) {
    return threshold.forSeconds() == null
        ? defaultDuration
        : Duration.ofSeconds(threshold.forSeconds());
  }

  private static Figures figures(Observation o, Threshold threshold, Duration breach) {
    Figures figures = Figures.of("value", o.value());
    if (threshold != null) {
      figures.and("min", threshold.min()).and("max", threshold.max());
    }
    return breach == null ? figures : figures.and("breachSeconds", (double) breach.toSeconds());
  }
}
