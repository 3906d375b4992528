package dev.vigil.common.iot;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metrics a city sensor may report, by the name used in JSON, with the unit and the physically
 * possible range of their values. A reading of any other metric is rejected: a misspelt name
 * (`temprature`) would otherwise silently start a new, empty series.
 */
public enum Metric {
  TEMPERATURE_C("temperatureC", "°C", -60, 100, 0.5, true),
  HUMIDITY_PCT("humidityPct", "% relative humidity", 0, 100, 2, true),
  PRESSURE_HPA("pressureHpa", "hPa", 800, 1100, 1, true),
  PM25("pm25", "µg/m³ of particles below 2.5 µm", 0, 2000, 2, true),
  PM10("pm10", "µg/m³ of particles below 10 µm", 0, 3000, 3, true),
  NO2("no2", "µg/m³ of nitrogen dioxide", 0, 2000, 5, true),
  NOISE_DB("noiseDb", "dB(A)", 0, 200, 1, true),
  VEHICLE_COUNT(
      "vehicleCount", "vehicles counted since the previous reading", 0, 100_000, 5, false),
  AVG_SPEED_KMH("avgSpeedKmh", "km/h, mean speed of the vehicles counted", 0, 400, 5, false),
  BATTERY_PCT("batteryPct", "% of battery charge", 0, 100, 5, false);

  private static final Map<String, Metric> BY_ID =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Metric::id, Function.identity()));

  private final String id;
  private final String unit;
  private final double min;
  private final double max;
  private final double minDeviation;
  private final boolean varies;

  Metric(String id, String unit, double min, double max, double minDeviation, boolean varies) {
    this.id = id;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.minDeviation = minDeviation;
    this.varies = varies;
  }

  /** The metric's name in readings, aggregates and alerts. */
  public String id() {
    return id;
  }

  public String unit() {
    return unit;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /**
   * The smallest deviation from a baseline that means something, in the metric's unit: below it a
   * change is sensor noise, however steady the series was before.
   */
  public double minDeviation() {
    return minDeviation;
  }

  /**
   * Whether a working sensor's readings change from one reading to the next. Counts and battery
   * levels may legitimately repeat (no traffic at night, a full battery); air temperature to a
   * tenth of a degree does not for long.
   */
  public boolean varies() {
    return varies;
  }

  public static Optional<Metric> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
