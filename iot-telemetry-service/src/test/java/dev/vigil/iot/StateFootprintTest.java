package dev.vigil.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.state.internals.TimeOrderedKeyValueBuffer;
import org.junit.jupiter.api.Test;

/**
 * What a device costs on the heap: its windows waiting to close in the suppression buffer. Every
 * other piece of state is in RocksDB, off the heap. At its peak a device has two windows buffered
 * (the minute in its grace period and the current one), each with five metrics at full precision;
 * the README's sizing for 100,000 devices multiplies the bound checked here.
 */
class StateFootprintTest extends IotTopologyTestBase {

  /**
   * Bytes per device in the buffer at its peak, as Kafka Streams accounts them (it keeps each
   * window's previous and current value); the README's sizing uses this bound.
   */
  static final long BUFFERED_BYTES_PER_DEVICE = 2_048;

  private static final int DEVICES = 20;

  @Test
  void shouldBufferAtMostTheDocumentedBytesPerDevice() {
    Random random = new Random(7);
    for (int i = 0; i < DEVICES; i++) {
      register(new Device("air-" + i, "zone-" + i % 4, DeviceType.AIR_QUALITY, null, 10, Map.of()));
    }
    // Six readings in the first minute, then two in the next, before the first minute's grace ends.
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

    TimeOrderedKeyValueBuffer<?, ?, ?> buffer =
        (TimeOrderedKeyValueBuffer<?, ?, ?>) driver.getStateStore("device-minute-final-store");
    assertThat(buffer.numRecords()).isEqualTo(2 * DEVICES);
    assertThat(buffer.bufferSize() / DEVICES).isLessThanOrEqualTo(BUFFERED_BYTES_PER_DEVICE);
  }
}
