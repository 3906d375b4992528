package dev.vigil.common.metrics;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes records through unchanged, recording the end-to-end latency of each (from the record's
 * event time to the processor context's wall-clock time) and, for alerts, counting them by type.
 * Placed just before a sink.
 */
public final class MeasuredEmission<K, V> implements FixedKeyProcessor<K, V, V> {

  private final VigilMetrics metrics;
  private final String output;
  private final Function<V, String> alertType;
  private FixedKeyProcessorContext<K, V> context;

  private MeasuredEmission(VigilMetrics metrics, String output, Function<V, String> alertType) {
    this.metrics = metrics;
    this.output = output;
    this.alertType = alertType;
  }

  /** Measures latency only. */
  public static <K, V> FixedKeyProcessorSupplier<K, V, V> of(VigilMetrics metrics, String output) {
    return () -> new MeasuredEmission<>(metrics, output, null);
  }

  /** Measures latency and counts each record as an alert of the type it names. */
  public static <K, V> FixedKeyProcessorSupplier<K, V, V> alerts(
      VigilMetrics metrics, String output, Function<V, String> alertType) {
    return () -> new MeasuredEmission<>(metrics, output, alertType);
  }

  @Override
  public void init(FixedKeyProcessorContext<K, V> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<K, V> record) {
    metrics.recordLatency(output, context.currentSystemTimeMs() - record.timestamp());
    if (alertType != null) {
      metrics.alertEmitted(alertType.apply(record.value()));
    }
    context.forward(record);
  }
}
