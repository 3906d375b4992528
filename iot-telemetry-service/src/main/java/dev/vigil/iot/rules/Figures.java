package dev.vigil.iot.rules;

import java.util.Map;
import java.util.TreeMap;

/** Builds an alert's {@code values}, leaving out figures that do not apply (open bounds). */
final class Figures {

  private final Map<String, Double> values = new TreeMap<>();

  static Figures of(String name, double value) {
    return new Figures().and(name, value);
  }

  Figures and(String name, Double value) {
    if (value != null) {
      values.put(name, value);
    }
    return this;
  }

  Map<String, Double> map() {
    return values;
  }

  /** Rounded for people: two decimals say all a sensor can. */
  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
