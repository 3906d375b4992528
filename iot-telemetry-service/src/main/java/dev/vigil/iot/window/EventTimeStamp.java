package dev.vigil.iot.window;

import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Sets each record's timestamp to the time its value is about. A closed window leaves the
 * suppression buffer with the timestamp of the record that closed it; a repartition topic is read
 * with the timestamps it was written with, not through the configured extractor, so without this a
 * device's minute would fall into its zone's windows by the time it closed, not by its minute.
 */
public final class EventTimeStamp<V> implements FixedKeyProcessor<String, V, V> {

  private final Function<V, Instant> timeOf;
  private FixedKeyProcessorContext<String, V> context;

  private EventTimeStamp(Function<V, Instant> timeOf) {
    this.timeOf = timeOf;
  }

  public static <V> FixedKeyProcessorSupplier<String, V, V> supplier(Function<V, Instant> timeOf) {
    return () -> new EventTimeStamp<>(timeOf);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    context.forward(record.withTimestamp(timeOf.apply(record.value()).toEpochMilli()));
  }
}
