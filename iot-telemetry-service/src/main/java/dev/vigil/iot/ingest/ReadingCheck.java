package dev.vigil.iot.ingest;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.iot.Telemetry;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The check a reading's own fields cannot make: the record key must be its device id, since the key
 * decides the partition, and so which task holds the device's state. A failed check throws, and the
 * processing handler sends the reading to the dead-letter topic with the message; the stream
 * carries on. The check against the device's registration comes with the registration (see {@link
 * Reading}).
 */
public final class ReadingCheck implements FixedKeyProcessor<String, Telemetry, Telemetry> {

  private FixedKeyProcessorContext<String, Telemetry> context;

  public static FixedKeyProcessorSupplier<String, Telemetry, Telemetry> supplier() {
    return ReadingCheck::new;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Telemetry> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, Telemetry> record) {
    Telemetry reading = record.value();
    if (reading == null) {
      throw new InvalidEventException("the record has no reading");
    }
    if (!reading.deviceId().equals(record.key())) {
      throw new InvalidEventException(
          "the record key must be the reading's deviceId " + reading.deviceId());
    }
    context.forward(record);
  }
}
