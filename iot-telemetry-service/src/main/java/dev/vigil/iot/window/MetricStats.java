package dev.vigil.iot.window;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Count, mean, spread and range of a series of values, updated one value at a time with Welford's
 * algorithm: numerically stable, and five numbers however many values. In JSON an array, not an
 * object, as earlier releases wrote it to the zone repartition topic, which is still read.
 *
 * @param m2 sum of squared differences from the mean
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record MetricStats(long count, double mean, double m2, double min, double max) {

  public static MetricStats of(double value) {
    return new MetricStats(1, value, 0, value, value);
  }

  public MetricStats add(double value) {
    long n = count + 1;
    double delta = value - mean;
    double nextMean = mean + delta / n;
    return new MetricStats(
        n, nextMean, m2 + delta * (value - nextMean), Math.min(min, value), Math.max(max, value));
  }

  /** Population standard deviation: the values are the whole window, not a sample of it. */
  public double stdDev() {
    return count == 0 ? 0 : Math.sqrt(m2 / count);
  }

  public double sum() {
    return mean * count;
  }
}
