package dev.vigil.iot.window;

import dev.vigil.iot.IotStores;
import dev.vigil.iot.device.DeviceState;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each device's latest closed minute for {@code GET /devices/{id}}, and passes the minutes
 * on. A device's windows close in order, so the newest minute simply replaces the one before.
 *
 * <p>The minute is a store of its own rather than part of the device's state: it changes once a
 * minute and only the API reads it, while the device's state is read and written with every
 * reading, which would then carry the minute's statistics along each time. It is kept only for a
 * device the service still remembers: the device monitor forgets both when the device goes silent,
 * and a minute that closes after that would never be forgotten.
 */
public final class LatestMinutes implements FixedKeyProcessor<String, DeviceMinute, DeviceMinute> {

  private FixedKeyProcessorContext<String, DeviceMinute> context;
  private KeyValueStore<String, DeviceState> devices;
  private KeyValueStore<String, DeviceMinute> latest;

  /** Needs the stores {@link IotStores#DEVICE_STATE} and {@link IotStores#LATEST_MINUTES}. */
  public static FixedKeyProcessorSupplier<String, DeviceMinute, DeviceMinute> supplier() {
    return LatestMinutes::new;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, DeviceMinute> context) {
    this.context = context;
    devices = context.getStateStore(IotStores.DEVICE_STATE);
    latest = context.getStateStore(IotStores.LATEST_MINUTES);
  }

  @Override
  public void process(FixedKeyRecord<String, DeviceMinute> record) {
    if (devices.get(record.key()) != null) {
      latest.put(record.key(), record.value());
    }
    context.forward(record);
  }
}
