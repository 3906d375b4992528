package dev.vigil.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.iot.device.DeviceState;
import dev.vigil.iot.window.DeviceWindow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.internals.TimeOrderedKeyValueBuffer;
import org.junit.jupiter.api.Test;

/**
 * What a device costs: nothing on the heap, where no window waits in a suppression buffer any more,
 * and in RocksDB its state and its open windows, in the binary format. At its peak a device has two
 * windows open (the minute in its grace period and the current one), each with five metrics at full
 * precision; the README's sizing for 100,000 devices multiplies the bound checked here.
 */
class StateFootprintTest extends IotTopologyTestBase {

  /** Key and value bytes per device, of its state and open windows at their peak. */
  static final long STORED_BYTES_PER_DEVICE = 2_048;

  private static final int DEVICES = 20;

  @Test
  void shouldKeepNoWindowOnTheHeap() {
    readFiveMetricsFromEachDevice();

    assertThat(driver.getAllStateStores().values())
        .noneMatch(store -> store instanceof TimeOrderedKeyValueBuffer);
  }

  @Test
  void shouldStoreAtMostTheDocumentedBytesPerDevice() {
    readFiveMetricsFromEachDevice();

    Map<String, Long> stored = new HashMap<>();
    for (int i = 0; i < DEVICES; i++) {
      String id = "air-" + i;
      DeviceState state =
          driver.<String, DeviceState>getKeyValueStore(IotStores.DEVICE_STATE).get(id);
      byte[] value = IotStores.DEVICE_STATES.serializer().serialize("", state);
      stored.put(id, (long) id.length() + value.length);
    }
    int windows = 0;
    try (KeyValueIterator<Bytes, DeviceWindow> open =
        driver.<Bytes, DeviceWindow>getKeyValueStore(IotStores.DEVICE_MINUTE_WINDOWS).all()) {
      while (open.hasNext()) {
        KeyValue<Bytes, DeviceWindow> window = open.next();
        byte[] key = window.key.get();
        String id = new String(key, Long.BYTES, key.length - Long.BYTES, StandardCharsets.UTF_8);
        byte[] value = IotStores.DEVICE_WINDOWS.serializer().serialize("", window.value);
        stored.merge(id, (long) key.length + value.length, Long::sum);
        windows++;
      }
    }

    assertThat(windows).isEqualTo(2 * DEVICES);
    assertThat(stored.values())
        .allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(STORED_BYTES_PER_DEVICE));
  }

  /**
   * Six readings in the first minute, then two in the next, before the first minute's grace ends.
   */
  private void readFiveMetricsFromEachDevice() {
    Random random = new Random(7);
    for (int i = 0; i < DEVICES; i++) {
      register(new Device("air-" + i, "zone-" + i % 4, DeviceType.AIR_QUALITY, null, 10, Map.of()));
    }
    for (int second = 5; second < 90; second += 10) {
      for (int i = 0; i < DEVICES; i++) {
        Instant at = BEGINNING.plusSeconds(second).plusMillis(i);
        telemetry.pipeInput(
            "air-" + i,
            reading(
                "air-" + i,
                at,
                "pm25",
                5 + random.nextDouble() * 30,
                "pm10",
                10 + random.nextDouble() * 40,
                "no2",
                20 + random.nextDouble() * 40,
                "temperatureC",
                15 + random.nextDouble() * 10,
                "humidityPct",
                40 + random.nextDouble() * 40));
      }
    }
  }
}
