package dev.vigil.iot;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.iot.ingest.RecentReadings;
import dev.vigil.iot.liveness.Liveness;
import dev.vigil.iot.rules.DeviceWatch;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.zone.ZoneDevice;
import dev.vigil.iot.zone.ZoneOverview;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The IoT service's state stores. Their names are part of the deployed state: each names a
 * changelog topic, so renaming one loses that state on upgrade. Key-value stores are keyed by
 * device id on the device side and by zone on the zone side, with one entry per device or zone (and
 * per device of a zone); window stores keep only what their windows and grace need.
 */
public final class IotStores {

  /** Global: device id → registration, from {@code iot.devices}. */
  public static final String DEVICES = "devices";

  /** Device id → ids of its recent readings, for de-duplication. */
  public static final String RECENT_READINGS = "recent-readings";

  /** Device id → when it was last seen and whether it is online. */
  public static final String DEVICE_LIVENESS = "device-liveness";

  /** Offline deadline and device id → device id: the devices in the order they fall silent. */
  public static final String OFFLINE_DEADLINES = "offline-deadlines";

  /** Device id → the alert rules' state. */
  public static final String DEVICE_WATCHES = "device-watches";

  /** Device id → its latest closed minute. */
  public static final String LATEST_MINUTES = "latest-minutes";

  /** Windows: device id and minute → the minute's statistics so far. */
  public static final String DEVICE_MINUTE_WINDOWS = "device-minute-windows";

  /** Stream time seen before the device-minute windows. */
  public static final String DEVICE_MINUTE_STREAM_TIME = "device-minute-stream-time";

  /** Windows: zone and five minutes → statistics of the device means so far. */
  public static final String ZONE_STATS_WINDOWS = "zone-stats-windows";

  /** Stream time seen before the zone-stats windows. */
  public static final String ZONE_STATS_STREAM_TIME = "zone-stats-stream-time";

  /** Windows: zone and minute → the segment's traffic so far. */
  public static final String SEGMENT_MINUTE_WINDOWS = "segment-minute-windows";

  /** Stream time seen before the segment-minute windows. */
  public static final String SEGMENT_MINUTE_STREAM_TIME = "segment-minute-stream-time";

  /** Zone → latest statistics, segment minutes and congestion alert. */
  public static final String ZONE_OVERVIEWS = "zone-overviews";

  /** Zone and device id (see {@code ZoneKeys}) → the device's latest minute and open alerts. */
  public static final String ZONE_DEVICES = "zone-devices";

  private IotStores() {}

  public static StoreBuilder<KeyValueStore<String, RecentReadings>> recentReadings() {
    return keyValue(RECENT_READINGS, serdeFor(RecentReadings.class));
  }

  public static StoreBuilder<KeyValueStore<String, Liveness>> deviceLiveness() {
    return keyValue(DEVICE_LIVENESS, serdeFor(Liveness.class));
  }

  public static StoreBuilder<KeyValueStore<String, String>> offlineDeadlines() {
    return keyValue(OFFLINE_DEADLINES, Serdes.String());
  }

  public static StoreBuilder<KeyValueStore<String, DeviceWatch>> deviceWatches() {
    return keyValue(DEVICE_WATCHES, serdeFor(DeviceWatch.class));
  }

  public static StoreBuilder<KeyValueStore<String, DeviceMinute>> latestMinutes() {
    return keyValue(LATEST_MINUTES, serdeFor(DeviceMinute.class));
  }

  public static StoreBuilder<KeyValueStore<String, ZoneOverview>> zoneOverviews() {
    return keyValue(ZONE_OVERVIEWS, serdeFor(ZoneOverview.class));
  }

  public static StoreBuilder<KeyValueStore<String, ZoneDevice>> zoneDevices() {
    return keyValue(ZONE_DEVICES, serdeFor(ZoneDevice.class));
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), values);
  }
}
