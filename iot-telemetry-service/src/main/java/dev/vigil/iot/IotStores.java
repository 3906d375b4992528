package dev.vigil.iot;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.iot.device.DeviceState;
import dev.vigil.iot.ingest.RecentReadings;
import dev.vigil.iot.liveness.Liveness;
import dev.vigil.iot.rules.AnomalyRule;
import dev.vigil.iot.rules.DeviceWatch;
import dev.vigil.iot.rules.MetricWatch;
import dev.vigil.iot.rules.StuckSensorRule;
import dev.vigil.iot.rules.ThresholdRule;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.window.DeviceWindow;
import dev.vigil.iot.window.MetricStats;
import dev.vigil.iot.window.StreamTime;
import dev.vigil.iot.zone.SegmentMinute;
import dev.vigil.iot.zone.ZoneDevice;
import dev.vigil.iot.zone.ZoneInput;
import dev.vigil.iot.zone.ZoneOverview;
import dev.vigil.iot.zone.ZoneWindow;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The IoT service's state stores and the binary format of their values (see {@link StateSerdes}).
 * Their names are part of the deployed state: each names a changelog topic, so a store whose values
 * change their layout gets a new name, and an old changelog is never read with a new format.
 * Key-value stores are keyed by device id on the device side and by zone on the zone side, with one
 * entry per device or zone (and per device of a zone, and per open window); nothing is kept longer
 * than a window stays open or an entity stays in its retention.
 */
public final class IotStores {

  /** Global: device id → registration, from {@code iot.devices}. */
  public static final String DEVICES = "devices";

  /** Device id → its recent reading ids, liveness and the alert rules' state. */
  public static final String DEVICE_STATE = "device-state";

  /** The devices in the order they are next due: to be called offline, or forgotten. */
  public static final String DEVICE_DEADLINES = "device-deadlines";

  /** Device id → its latest closed minute. */
  public static final String LATEST_MINUTES = "device-latest-minutes";

  /** Minute and device id → the minute's statistics so far, while the minute is open. */
  public static final String DEVICE_MINUTE_WINDOWS = "device-minute-open-windows";

  /** Stream time when the device-minute windows last closed one. */
  public static final String DEVICE_MINUTE_LAST_CLOSE = "device-minute-last-close";

  /** Five minutes and zone → statistics of the device means so far, while the window is open. */
  public static final String ZONE_STATS_WINDOWS = "zone-stats-open-windows";

  /** Stream time when the zone-stats windows last closed one. */
  public static final String ZONE_STATS_LAST_CLOSE = "zone-stats-last-close";

  /** Minute and zone → the segment's traffic so far, while the minute is open. */
  public static final String SEGMENT_MINUTE_WINDOWS = "segment-minute-open-windows";

  /** Stream time when the segment-minute windows last closed one. */
  public static final String SEGMENT_MINUTE_LAST_CLOSE = "segment-minute-last-close";

  /** Zone → latest statistics, segment minutes and congestion alert. */
  public static final String ZONE_OVERVIEWS = "zone-state";

  /** Zone and device id (see {@code ZoneKeys}) → the device's latest minute and open alerts. */
  public static final String ZONE_DEVICES = "zone-device-state";

  /** The zones in the order they would be forgotten. */
  public static final String ZONE_EXPIRY = "zone-expiry";

  /** The devices of zones in the order they would be forgotten. */
  public static final String ZONE_DEVICE_EXPIRY = "zone-device-expiry";

  static final Serde<DeviceState> DEVICE_STATES =
      StateSerdes.binary(
          DeviceState.class,
          RecentReadings.class,
          Liveness.class,
          DeviceWatch.class,
          MetricWatch.class,
          ThresholdRule.Breach.class,
          AnomalyRule.Baseline.class,
          StuckSensorRule.Run.class,
          Alert.class,
          AlertType.class,
          AlertStatus.class);

  static final Serde<DeviceMinute> DEVICE_MINUTES =
      StateSerdes.binary(DeviceMinute.class, MetricStats.class, DeviceType.class);

  static final Serde<DeviceWindow> DEVICE_WINDOWS =
      StateSerdes.binary(DeviceWindow.class, MetricStats.class);

  static final Serde<ZoneWindow> ZONE_WINDOWS =
      StateSerdes.binary(ZoneWindow.class, MetricStats.class);

  static final Serde<SegmentMinute> SEGMENT_MINUTES = StateSerdes.binary(SegmentMinute.class);

  static final Serde<StreamTime> STREAM_TIMES = StateSerdes.binary(StreamTime.class);

  static final Serde<ZoneOverview> ZONE_OVERVIEW_VALUES =
      StateSerdes.binary(
          ZoneOverview.class,
          ZoneStats.class,
          SegmentStats.class,
          SegmentMinute.class,
          Alert.class,
          AlertType.class,
          AlertStatus.class);

  static final Serde<ZoneDevice> ZONE_DEVICE_VALUES =
      StateSerdes.binary(ZoneDevice.class, Alert.class, AlertType.class, AlertStatus.class);

  /** The values of the repartition topic by zone. */
  static final Serde<ZoneInput> ZONE_INPUTS =
      StateSerdes.binary(
          ZoneInput.class,
          DeviceMinute.class,
          MetricStats.class,
          DeviceType.class,
          Alert.class,
          AlertType.class,
          AlertStatus.class);

  private IotStores() {}

  public static StoreBuilder<KeyValueStore<String, DeviceState>> deviceStates() {
    return keyValue(DEVICE_STATE, DEVICE_STATES);
  }

  public static StoreBuilder<KeyValueStore<Bytes, byte[]>> deviceDeadlines() {
    return TimeIndex.store(DEVICE_DEADLINES);
  }

  public static StoreBuilder<KeyValueStore<String, DeviceMinute>> latestMinutes() {
    return keyValue(LATEST_MINUTES, DEVICE_MINUTES);
  }

  /** The windows still open of a final-only window, keyed by start and then key. */
  public static <A> StoreBuilder<KeyValueStore<Bytes, A>> openWindows(
      String name, Serde<A> aggregates) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.Bytes(), aggregates);
  }

  public static StoreBuilder<KeyValueStore<String, StreamTime>> lastClose(String name) {
    return keyValue(name, STREAM_TIMES);
  }

  public static StoreBuilder<KeyValueStore<String, ZoneOverview>> zoneOverviews() {
    return keyValue(ZONE_OVERVIEWS, ZONE_OVERVIEW_VALUES);
  }

  public static StoreBuilder<KeyValueStore<String, ZoneDevice>> zoneDevices() {
    return keyValue(ZONE_DEVICES, ZONE_DEVICE_VALUES);
  }

  public static StoreBuilder<KeyValueStore<Bytes, byte[]>> zoneExpiry() {
    return TimeIndex.store(ZONE_EXPIRY);
  }

  public static StoreBuilder<KeyValueStore<Bytes, byte[]>> zoneDeviceExpiry() {
    return TimeIndex.store(ZONE_DEVICE_EXPIRY);
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), values);
  }
}
