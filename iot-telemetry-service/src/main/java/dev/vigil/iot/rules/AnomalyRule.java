package dev.vigil.iot.rules;

import static dev.vigil.iot.rules.Figures.round;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;

/**
 * A reading far from the device's own recent baseline for the metric: more than {@code zScore}
 * deviations from an exponentially weighted mean, once the baseline has seen {@code warmUp}
 * readings. The deviation is floored at the metric's smallest meaningful deviation, so a series
 * that was perfectly steady does not alarm at the first wobble.
 *
 * <p>The baseline is robust: each reading updates it only after being clipped to the current mean
 * plus or minus {@code zScore} deviations (winsorised), so a spike moves it by at most one ordinary
 * step instead of dragging mean and variance towards itself, while a lasting change of level is
 * still learned, step by step. Until the warm-up ends the mean and variance are the plain ones. The
 * alert closes once a reading is back within half of {@code zScore}, so a value hovering at the
 * limit does not open and close an alert on every reading.
 */
public final class AnomalyRule {

  /** The exponentially weighted mean and variance of a metric, and the alert if one is open. */
  public record Baseline(long count, double mean, double variance, Alert open) {
    public static final Baseline EMPTY = new Baseline(0, 0, 0, null);
  }

  private final int warmUp;
  private final double alpha;
  private final double zScore;

  public AnomalyRule(int warmUp, double alpha, double zScore) {
    this.warmUp = warmUp;
    this.alpha = alpha;
    this.zScore = zScore;
  }

  public Step<Baseline> apply(Baseline baseline, Observation o) {
    boolean warm = baseline.count() >= warmUp;
    double spread = Math.max(Math.sqrt(baseline.variance()), o.metric().minDeviation());
    double z = warm ? (o.value() - baseline.mean()) / spread : 0;
    Alert alert = null;
    Alert open = baseline.open();
    if (open == null && Math.abs(z) > zScore) {
      open =
          Alert.open(
              AlertType.ANOMALY,
              o.deviceId(),
              o.zone(),
              o.metric(),
              figures(o, baseline, spread, z),
              o.time(),
              o.time());
      alert = open;
    } else if (open != null && Math.abs(z) <= zScore / 2) {
      alert = open.close(figures(o, baseline, spread, z), o.time());
      open = null;
    }
    return new Step<>(
        learn(baseline, warm ? clip(o.value(), baseline.mean(), spread) : o.value(), open), alert);
  }

  private double clip(double value, double mean, double spread) {
    return Math.max(mean - zScore * spread, Math.min(mean + zScore * spread, value));
  }

  /**
   * West's incremental weighted mean and variance; the weight is at least 1/n, so the first
   * readings give the plain mean and variance instead of starting from zero.
   */
  private Baseline learn(Baseline baseline, double value, Alert open) {
    long n = baseline.count() + 1;
    double weight = Math.max(alpha, 1.0 / n);
    double diff = value - baseline.mean();
    double increment = weight * diff;
    return new Baseline(
        n,
        baseline.mean() + increment,
        (1 - weight) * (baseline.variance() + diff * increment),
        open);
  }

  private static java.util.Map<String, Double> figures(
      Observation o, Baseline baseline, double spread, double z) {
    return Figures.of("value", o.value())
        .and("baselineMean", round(baseline.mean()))
        .and("baselineStdDev", round(spread))
        .and("zScore", round(z))
        .map();
  }
}
