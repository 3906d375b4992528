package dev.vigil.iot.rules;

import dev.vigil.common.iot.Alert;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** What the rules remember about one metric of one device. */
public record MetricWatch(
    ThresholdRule.Breach breach, AnomalyRule.Baseline baseline, StuckSensorRule.Run run) {

  public static final MetricWatch NEW =
      new MetricWatch(
          ThresholdRule.Breach.NONE, AnomalyRule.Baseline.EMPTY, StuckSensorRule.Run.NONE);

  public List<Alert> openAlerts() {
    return Stream.of(breach.open(), baseline.open(), run.open()).filter(Objects::nonNull).toList();
  }
}
