package dev.vigil.iot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IoT service's own counters, beside the suite's {@code vigil_*} metrics: records that came too
 * late for a window ({@code vigil_iot_late_records_total{window}}) and redelivered duplicates
 * ({@code vigil_iot_duplicate_readings_total}).
 */
public class IotMetrics {

  public static final String LATE = "vigil.iot.late.records";
  public static final String DUPLICATES = "vigil.iot.duplicate.readings";

  private final MeterRegistry registry;
  private final Map<String, Counter> late = new ConcurrentHashMap<>();
  private final Counter duplicates;

  public IotMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duplicates =
        Counter.builder(DUPLICATES)
            .description("Readings dropped as redelivered duplicates")
            .register(registry);
  }

  public void lateRecord(String window) {
    late.computeIfAbsent(
            window,
            w ->
                Counter.builder(LATE)
                    .description("Records later than their window's grace period, sent to iot.late")
                    .tag("window", w)
                    .register(registry))
        .increment();
  }

  public void duplicateReading() {
    duplicates.increment();
  }
}
