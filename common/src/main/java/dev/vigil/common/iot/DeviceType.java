package dev.vigil.common.iot;

import java.util.EnumSet;
import java.util.Set;

/** What a device measures: each type reports only its own metrics. */
public enum DeviceType {
  AIR_QUALITY(
      EnumSet.of(
          Metric.PM25,
          Metric.PM10,
          Metric.NO2,
          Metric.TEMPERATURE_C,
          Metric.HUMIDITY_PCT,
          Metric.BATTERY_PCT)),
  WEATHER(
      EnumSet.of(
          Metric.TEMPERATURE_C, Metric.HUMIDITY_PCT, Metric.PRESSURE_HPA, Metric.BATTERY_PCT)),
  NOISE(EnumSet.of(Metric.NOISE_DB, Metric.BATTERY_PCT)),
  /** A road-segment counter: vehicles passing and their mean speed, as in Linear Road. */
  TRAFFIC(EnumSet.of(Metric.VEHICLE_COUNT, Metric.AVG_SPEED_KMH, Metric.BATTERY_PCT));

  private final Set<Metric> metrics;

  DeviceType(Set<Metric> metrics) {
    this.metrics = Set.copyOf(metrics);
  }

  public Set<Metric> metrics() {
    return metrics;
  }

  public boolean reports(Metric metric) {
    return metrics.contains(metric);
  }
}
