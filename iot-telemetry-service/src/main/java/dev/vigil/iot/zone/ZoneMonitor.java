package dev.vigil.iot.zone;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.zone.ZoneEvent.DeviceNews;
import dev.vigil.iot.zone.ZoneEvent.Segment;
import dev.vigil.iot.zone.ZoneEvent.Stats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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
 *
 * <p>A zone, or a device of a zone, that the zone has heard nothing of for the device retention is
 * forgotten. Each is in an index ordered by the time it would be forgotten, entered when it is
 * first heard of: when its entry falls due, it is forgotten, or, if it was heard of since, its
 * entry moves to the new time. A wall-clock punctuator reads only the entries that are due.
 */
public final class ZoneMonitor implements FixedKeyProcessor<String, ZoneEvent, ZoneOutput> {

  /** Index entries read at a time, so that a sweep's memory is bounded however many are due. */
  private static final int BATCH = 1_000;

  private final CongestionRule congestion;
  private final IotProperties.State retention;

  private FixedKeyProcessorContext<String, ZoneOutput> context;
  private KeyValueStore<String, ZoneOverview> overviews;
  private KeyValueStore<String, ZoneDevice> devices;
  private TimeIndex overviewExpiry;
  private TimeIndex deviceExpiry;

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
        return Set.of(
            IotStores.zoneOverviews(),
            IotStores.zoneDevices(),
            IotStores.zoneExpiry(),
            IotStores.zoneDeviceExpiry());
      }
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ZoneOutput> context) {
    this.context = context;
    overviews = context.getStateStore(IotStores.ZONE_OVERVIEWS);
    devices = context.getStateStore(IotStores.ZONE_DEVICES);
    overviewExpiry = TimeIndex.over(context.getStateStore(IotStores.ZONE_EXPIRY));
    deviceExpiry = TimeIndex.over(context.getStateStore(IotStores.ZONE_DEVICE_EXPIRY));
    context.schedule(
        retention.sweepInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          forget(overviewExpiry, overviews, ZoneOverview::heardAt, now);
          forget(deviceExpiry, devices, ZoneDevice::heardAt, now);
        });
  }

  @Override
  public void process(FixedKeyRecord<String, ZoneEvent> record) {
    String zone = record.key();
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    ZoneEvent event = record.value();
    if (event instanceof DeviceNews news) {
      remember(zone, news.input(), now);
    } else if (event instanceof Stats stats) {
      remember(zone, stats.stats(), now);
    } else if (event instanceof Segment segment) {
      closeMinute(record, zone, segment.minute(), now);
    }
  }

  private void remember(String zone, ZoneInput input, Instant now) {
    String key = ZoneKeys.device(zone, input.deviceId());
    ZoneDevice device = devices.get(key);
    if (device == null) {
      device = ZoneDevice.of(input.deviceId());
      deviceExpiry.add(now.plus(retention.deviceTtl()).toEpochMilli(), key);
    }
    devices.put(
        key,
        input.minute() != null
            ? device.withMinute(input.minute().windowStart(), now)
            : device.withAlert(input.alert(), now));
  }

  private void remember(String zone, List<ZoneStats> stats, Instant now) {
    ZoneOverview overview = overviewOf(zone, now);
    Map<String, ZoneStats> latest = new TreeMap<>(overview.latestStats());
    for (ZoneStats s : stats) {
      latest.put(s.metric(), s);
    }
    overviews.put(
        zone,
        new ZoneOverview(
            latest,
            overview.latestSegment(),
            overview.recentMinutes(),
            overview.congestion(),
            now));
  }

  private void closeMinute(
      FixedKeyRecord<String, ZoneEvent> record, String zone, SegmentMinute minute, Instant now) {
    ZoneOverview overview = overviewOf(zone, now);
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
    overviews.put(zone, new ZoneOverview(overview.latestStats(), stats, recent, open, now));
    long minuteStart = minute.minuteStart().toEpochMilli();
    context.forward(record.withValue(new ZoneOutput(stats, null)).withTimestamp(minuteStart));
    if (alert != null) {
      context.forward(record.withValue(new ZoneOutput(null, alert)).withTimestamp(minuteStart));
    }
  }

  private ZoneOverview overviewOf(String zone, Instant now) {
    ZoneOverview overview = overviews.get(zone);
    if (overview == null) {
      overviewExpiry.add(now.plus(retention.deviceTtl()).toEpochMilli(), zone);
      return ZoneOverview.EMPTY;
    }
    return overview;
  }

  /**
   * Forgets what is due in {@code index}, unless it was heard of since its entry was made: then the
   * entry moves to the retention's end from then.
   */
  private <V> void forget(
      TimeIndex index, KeyValueStore<String, V> store, Function<V, Instant> heardAt, long now) {
    Duration ttl = retention.deviceTtl();
    List<TimeIndex.Entry> entries;
    do {
      entries = index.takeDue(now, BATCH);
      for (TimeIndex.Entry entry : entries) {
        V value = store.get(entry.id());
        if (value == null) {
          continue;
        }
        long forgotten = heardAt.apply(value).plus(ttl).toEpochMilli();
        if (forgotten > now) {
          index.add(forgotten, entry.id());
        } else {
          store.delete(entry.id());
        }
      }
    } while (entries.size() == BATCH);
  }
}
