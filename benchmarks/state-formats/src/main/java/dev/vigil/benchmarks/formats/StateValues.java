package dev.vigil.benchmarks.formats;

import dev.vigil.fraud.scoring.FraudStateValues;
import dev.vigil.iot.IotStateValues;
import dev.vigil.recommendation.RecommendationStateValues;
import dev.vigil.vitals.monitor.VitalsStateValues;
import java.util.ArrayList;
import java.util.List;

/** Every service's state values, by name. */
final class StateValues {

  private StateValues() {}

  static List<StateValue<?>> all() {
    List<StateValue<?>> all = new ArrayList<>();
    all.addAll(FraudStateValues.all());
    all.addAll(RecommendationStateValues.all());
    all.addAll(VitalsStateValues.all());
    all.addAll(IotStateValues.all());
    return all;
  }

  static StateValue<?> named(String name) {
    return all().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No state value " + name));
  }
}
