package dev.vigil.common.metrics;

import dev.vigil.common.deadletter.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The metrics every Vigil service exports beside the Kafka Streams client metrics. Meters are
 * looked up once per tag value and cached, because they are updated for every record.
 */
public class VigilMetrics {

  public static final String ALERTS = "vigil.alerts.emitted";
  public static final String DEAD_LETTERS = "vigil.dead.letter.records";
  public static final String LATENCY = "vigil.e2e.latency";

  private final MeterRegistry registry;
  private final Map<String, Counter> alerts = new ConcurrentHashMap<>();
  private final Map<DeadLetterReason, Counter> deadLetters = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

  public VigilMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void alertEmitted(String type) {
    alerts
        .computeIfAbsent(
            type,
            t ->
                Counter.builder(ALERTS)
                    .description("Alerts emitted, by type")
                    .tag("type", t)
                    .register(registry))
        .increment();
  }

  public void deadLettered(DeadLetterReason reason) {
    deadLetters
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder(DEAD_LETTERS)
                    .description("Records sent to the dead-letter topic, by reason")
                    .tag("reason", r.tag())
                    .register(registry))
        .increment();
  }

  /** Time from the source event's own timestamp to the moment its output is emitted. */
  public void recordLatency(String output, long millis) {
    latencies
        .computeIfAbsent(
            output,
            o ->
                Timer.builder(LATENCY)
                    .description("End-to-end latency from event time to output emission")
                    .tag("output", o)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry))
        .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }
}
