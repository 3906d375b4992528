package dev.vigil.iot.window;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.iot.Device;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.StateSweep;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Gives each closed device-minute its device's current zone and type, and keeps the latest one per
 * device for {@code GET /devices/{id}}.
 */
public final class LatestMinutes implements FixedKeyProcessor<String, DeviceMinute, DeviceMinute> {

  private final IotProperties.State retention;
  private FixedKeyProcessorContext<String, DeviceMinute> context;
  private ReferenceData.Lookup<Device> devices;
  private KeyValueStore<String, DeviceMinute> latest;

  private LatestMinutes(IotProperties properties) {
    this.retention = properties.state();
  }

  public static FixedKeyProcessorSupplier<String, DeviceMinute, DeviceMinute> supplier(
      IotProperties properties) {
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<String, DeviceMinute, DeviceMinute> get() {
        return new LatestMinutes(properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(IotStores.latestMinutes());
      }
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, DeviceMinute> context) {
    this.context = context;
    devices = ReferenceData.lookup(context, IotStores.DEVICES);
    latest = context.getStateStore(IotStores.LATEST_MINUTES);
    context.schedule(
        retention.sweepInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          Instant oldest = Instant.ofEpochMilli(now).minus(retention.deviceTtl());
          StateSweep.remove(latest, m -> m.windowEnd().isBefore(oldest));
        });
  }

  @Override
  public void process(FixedKeyRecord<String, DeviceMinute> record) {
    DeviceMinute minute = record.value();
    Device device = devices.get(record.key());
    DeviceMinute placed =
        device == null
            ? minute
            : new DeviceMinute(
                minute.deviceId(),
                device.zone(),
                device.type(),
                minute.windowStart(),
                minute.windowEnd(),
                minute.metrics());
    DeviceMinute previous = latest.get(record.key());
    if (previous == null || !previous.windowStart().isAfter(placed.windowStart())) {
      latest.put(record.key(), placed);
    }
    context.forward(record.withValue(placed));
  }
}
