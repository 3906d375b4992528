package dev.vigil.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.deadletter.DeadLetterReason;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VigilMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final VigilMetrics metrics = new VigilMetrics(registry);

  @Test
  void shouldCountAlertsByType() {
    metrics.alertEmitted("velocity");
    metrics.alertEmitted("velocity");
    metrics.alertEmitted("blocklist");

    assertThat(registry.get(VigilMetrics.ALERTS).tag("type", "velocity").counter().count())
        .isEqualTo(2);
    assertThat(registry.get(VigilMetrics.ALERTS).tag("type", "blocklist").counter().count())
        .isEqualTo(1);
  }

  @Test
  void shouldCountDeadLettersByReasonTag() {
    metrics.deadLettered(DeadLetterReason.VALIDATION);
    metrics.deadLettered(DeadLetterReason.VALIDATION);
    metrics.deadLettered(DeadLetterReason.OVERSIZED);

    assertThat(
            registry.get(VigilMetrics.DEAD_LETTERS).tag("reason", "validation").counter().count())
        .isEqualTo(2);
    assertThat(registry.get(VigilMetrics.DEAD_LETTERS).tag("reason", "oversized").counter().count())
        .isEqualTo(1);
  }

  @Test
  void shouldRecordLatencyPerOutput() {
    metrics.recordLatency("payments.decisions", 120);
    metrics.recordLatency("payments.decisions", 80);
    metrics.recordLatency("fraud.alerts", 300);

    Timer decisions =
        registry.get(VigilMetrics.LATENCY).tag("output", "payments.decisions").timer();
    assertThat(decisions.count()).isEqualTo(2);
    assertThat(decisions.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200);
    assertThat(decisions.max(TimeUnit.MILLISECONDS)).isEqualTo(120);
  }

  @Test
  void shouldRecordANegativeLatencyAsZero() {
    metrics.recordLatency("payments.decisions", -500);

    Timer timer = registry.get(VigilMetrics.LATENCY).timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isZero();
  }

  @Test
  void shouldRegisterOneMeterPerTagValue() {
    metrics.alertEmitted("velocity");
    metrics.alertEmitted("velocity");

    assertThat(registry.find(VigilMetrics.ALERTS).counters()).hasSize(1);
  }
}
