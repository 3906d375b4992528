package dev.vigil.iot.ingest;

import dev.vigil.common.iot.Telemetry;
import dev.vigil.iot.IotMetrics;
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
 * Passes each reading once: a producer retry or a device resending after a lost acknowledgement
 * delivers the same reading again, which would count twice in its minute and could open or close an
 * alert twice. A reading is the same when its device and sequence number are, or, without a
 * sequence number, its device and event time.
 */
public final class Deduplicator implements FixedKeyProcessor<String, Reading, Reading> {

  private final IotProperties.Ingest settings;
  private final IotProperties.State retention;
  private final IotMetrics metrics;
  private FixedKeyProcessorContext<String, Reading> context;
  private KeyValueStore<String, RecentReadings> recent;

  private Deduplicator(IotProperties properties, IotMetrics metrics) {
    this.settings = properties.ingest();
    this.retention = properties.state();
    this.metrics = metrics;
  }

  public static FixedKeyProcessorSupplier<String, Reading, Reading> supplier(
      IotProperties properties, IotMetrics metrics) {
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<String, Reading, Reading> get() {
        return new Deduplicator(properties, metrics);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(IotStores.recentReadings());
      }
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Reading> context) {
    this.context = context;
    recent = context.getStateStore(IotStores.RECENT_READINGS);
    context.schedule(
        retention.sweepInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now ->
            StateSweep.remove(
                recent,
                r -> r.newest().isBefore(Instant.ofEpochMilli(now).minus(retention.deviceTtl()))));
  }

  @Override
  public void process(FixedKeyRecord<String, Reading> record) {
    Telemetry reading = record.value().telemetry();
    RecentReadings seen = recent.get(record.key());
    if (seen == null) {
      seen = RecentReadings.EMPTY;
    }
    if (seen.contains(reading.sequence(), reading.eventTime())) {
      metrics.duplicateReading();
      return;
    }
    recent.put(
        record.key(),
        seen.with(
            reading.sequence(),
            reading.eventTime(),
            settings.dedupReadings(),
            settings.dedupRetention()));
    context.forward(record);
  }
}
