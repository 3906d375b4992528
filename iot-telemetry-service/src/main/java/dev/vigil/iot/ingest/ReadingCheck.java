package dev.vigil.iot.ingest;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.Metric;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.iot.IotStores;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The checks a reading's own fields cannot make: the record key must be its device id (the key
 * decides the partition, and so which task holds the device's state), and a registered device may
 * report only its type's metrics. A failed check throws, and the processing handler sends the
 * reading to the dead-letter topic with the message; the stream carries on.
 *
 * <p>Unknown metrics are a policy: a reading with any metric that its device's type does not report
 * is rejected whole, not trimmed, so that the dead letter shows the device's mistake as it was
 * sent. A device that is not registered may report any catalogued metric.
 */
public final class ReadingCheck implements FixedKeyProcessor<String, Telemetry, Reading> {

  private FixedKeyProcessorContext<String, Reading> context;
  private ReferenceData.Lookup<Device> devices;

  public static FixedKeyProcessorSupplier<String, Telemetry, Reading> supplier() {
    return ReadingCheck::new;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Reading> context) {
    this.context = context;
    devices = ReferenceData.lookup(context, IotStores.DEVICES);
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
    Device device = devices.get(reading.deviceId());
    if (device != null) {
      for (Metric metric : reading.values().keySet()) {
        if (!device.type().reports(metric)) {
          throw new InvalidEventException(
              "metrics." + metric.id() + " is not reported by " + device.type() + " devices");
        }
      }
    }
    context.forward(record.withValue(new Reading(reading, device)));
  }
}
