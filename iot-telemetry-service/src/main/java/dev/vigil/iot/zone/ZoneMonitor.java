package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.StateSweep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps each zone's picture for {@code GET /zones/{zone}} (its devices with their open alerts, its
 * latest statistics) and turns each closed segment minute into segment statistics and, when the
 * segment becomes or stops being congested, a congestion alert. Input is keyed by zone.
 */
public final class ZoneMonitor implements FixedKeyProcessor<String, ZoneEvent, ZoneOutput> {

  private final CongestionRule congestion;
  private final IotProperties.State retention;

  private FixedKeyProcessorContext<String, ZoneOutput> context;
  private KeyValueStore<String, ZoneOverview> overviews;
  private KeyValueStore<String, ZoneDevice> devices;

  private ZoneMonitor(IotProperties properties) {
    this.congestion =
        new CongestionRule(
            properties.congestion().maxSpeedKmh(), properties.congestion().minVehiclesPerMinute());
    this.retention = properties.state();
  }

  public static FixedKeyProcessorSupplier<String, ZoneEvent, ZoneOutput> supplier(
      IotProperties properties) {
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<String, ZoneEvent, ZoneOutput> get() {
        return new ZoneMonitor(properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(IotStores.zoneOverviews(), IotStores.zoneDevices());
      }
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ZoneOutput> context) {
    this.context = context;
    overviews = context.getStateStore(IotStores.ZONE_OVERVIEWS);
    devices = context.getStateStore(IotStores.ZONE_DEVICES);
    context.schedule(
        retention.sweepInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          Instant oldest = Instant.ofEpochMilli(now).minus(retention.deviceTtl());
          StateSweep.remove(devices, d -> d.updated().isBefore(oldest));
          StateSweep.remove(overviews, o -> o.updated().isBefore(oldest));
        });
  }

  @Override
  public void process(FixedKeyRecord<String, ZoneEvent> record) {
    String zone = record.key();
    ZoneEvent event = record.value();
    if (event.device() != null) {
      remember(zone, event.device());
    } else if (event.stats() != null) {
      remember(zone, event.stats());
    } else {
      closeMinute(record, zone, event.segment());
    }
  }

  private void remember(String zone, ZoneInput input) {
    String key = ZoneKeys.device(zone, input.deviceId());
    ZoneDevice device = devices.get(key);
    if (device == null) {
      device = ZoneDevice.of(input.deviceId());
    }
    devices.put(
        key,
        input.minute() != null
            ? device.withMinute(input.minute().windowStart())
            : device.withAlert(input.alert()));
  }

  private void remember(String zone, List<ZoneStats> stats) {
    ZoneOverview overview = overviewOf(zone);
    Map<String, ZoneStats> latest = new TreeMap<>(overview.latestStats());
    Instant updated = overview.updated();
    for (ZoneStats s : stats) {
      latest.put(s.metric(), s);
      updated = s.windowStart().isAfter(updated) ? s.windowStart() : updated;
    }
    overviews.put(
        zone,
        new ZoneOverview(
            latest,
            overview.latestSegment(),
            overview.recentMinutes(),
            overview.congestion(),
            updated));
  }

  private void closeMinute(
      FixedKeyRecord<String, ZoneEvent> record, String zone, SegmentMinute minute) {
    ZoneOverview overview = overviewOf(zone);
    Instant from = minute.minuteEnd().minus(CongestionRule.SPEED_AVERAGE);
    List<SegmentMinute> recent = new ArrayList<>();
    for (SegmentMinute m : overview.recentMinutes()) {
      if (!m.minuteStart().isBefore(from) && !m.minuteStart().equals(minute.minuteStart())) {
        recent.add(m);
      }
    }
    recent.add(minute);
    recent.sort(Comparator.comparing(SegmentMinute::minuteStart));
    SegmentStats stats = congestion.stats(zone, minute, recent);
    Alert alert = congestion.transition(stats, overview.congestion());
    Alert open =
        alert == null ? overview.congestion() : alert.status() == AlertStatus.OPEN ? alert : null;
    Instant updated =
        minute.minuteStart().isAfter(overview.updated())
            ? minute.minuteStart()
            : overview.updated();
    overviews.put(zone, new ZoneOverview(overview.latestStats(), stats, recent, open, updated));
    long minuteStart = minute.minuteStart().toEpochMilli();
    context.forward(record.withValue(new ZoneOutput(stats, null)).withTimestamp(minuteStart));
    if (alert != null) {
      context.forward(record.withValue(new ZoneOutput(null, alert)).withTimestamp(minuteStart));
    }
  }

  private ZoneOverview overviewOf(String zone) {
    ZoneOverview overview = overviews.get(zone);
    return overview == null ? ZoneOverview.EMPTY : overview;
  }
}
