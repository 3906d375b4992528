package dev.vigil.iot;

import static dev.vigil.common.iot.IotTopics.AGGREGATES;
import static dev.vigil.common.iot.IotTopics.ALERTS;
import static dev.vigil.common.iot.IotTopics.DEVICES;
import static dev.vigil.common.iot.IotTopics.LATE;
import static dev.vigil.common.iot.IotTopics.SEGMENT_STATS;
import static dev.vigil.common.iot.IotTopics.TELEMETRY;
import static dev.vigil.common.iot.IotTopics.ZONE_STATS;
import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.LateRecord;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.common.metrics.MeasuredEmission;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.iot.ingest.Deduplicator;
import dev.vigil.iot.ingest.FutureSkewCheck;
import dev.vigil.iot.ingest.Reading;
import dev.vigil.iot.ingest.ReadingCheck;
import dev.vigil.iot.liveness.LivenessMonitor;
import dev.vigil.iot.rules.AlertDetector;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.window.DeviceWindow;
import dev.vigil.iot.window.EventTimeStamp;
import dev.vigil.iot.window.Gated;
import dev.vigil.iot.window.Lateness;
import dev.vigil.iot.window.LatenessGate;
import dev.vigil.iot.window.LatestMinutes;
import dev.vigil.iot.zone.SegmentMinute;
import dev.vigil.iot.zone.ZoneEvent;
import dev.vigil.iot.zone.ZoneInput;
import dev.vigil.iot.zone.ZoneMonitor;
import dev.vigil.iot.zone.ZoneOutput;
import dev.vigil.iot.zone.ZoneWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.Suppressed.StrictBufferConfig;
import org.apache.kafka.streams.kstream.TimeWindowedKStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Condenses sensor readings into windowed statistics and raises alerts an operator can act on.
 *
 * <p>The device side is keyed by device id, as {@code iot.telemetry} is: checks, de-duplication,
 * liveness, the alert rules and the one-minute windows all keep their state per device in the task
 * of the device's partition. Devices are a global table, so looking one up needs no repartition.
 * The zone side needs one: closed device-minutes and device alerts are re-keyed by zone through a
 * single repartition topic, and the zone's five-minute statistics, its road-segment minutes and its
 * overview are all computed in the zone's task.
 *
 * <p>Every window is final-only (emitted once, when it closes, through a suppression buffer) and
 * has a gate in front that sends records too late for it to {@code iot.late} instead of letting the
 * window drop them silently.
 */
public final class IotTopology {

  public static final Duration DEVICE_WINDOW = Duration.ofMinutes(1);
  public static final Duration ZONE_WINDOW = Duration.ofMinutes(5);
  public static final Duration SEGMENT_WINDOW = Duration.ofMinutes(1);

  /** Window names, as on {@code iot.late} and in the late-records metric. */
  public static final String DEVICE_MINUTE = "device-minute";

  public static final String ZONE_STATS_WINDOW = "zone-stats";
  public static final String SEGMENT_MINUTE = "segment-minute";

  public static final String TELEMETRY_SOURCE = "telemetry-source";
  public static final String CHECK_READINGS = "check-readings";
  public static final String DEDUPLICATE = "deduplicate";
  public static final String WATCH_LIVENESS = "watch-liveness";
  public static final String DETECT_ALERTS = "detect-alerts";
  public static final String AGGREGATE_DEVICE_MINUTES = "aggregate-device-minutes";
  public static final String RECORD_LATEST_MINUTES = "record-latest-minutes";
  public static final String BY_ZONE_TOPIC = "device-news-by-zone";
  public static final String AGGREGATE_ZONE_STATS = "aggregate-zone-stats";
  public static final String AGGREGATE_SEGMENT_MINUTES = "aggregate-segment-minutes";
  public static final String MONITOR_ZONES = "monitor-zones";
  public static final String AGGREGATES_SINK = "aggregates-sink";
  public static final String DEVICE_ALERTS_SINK = "device-alerts-sink";
  public static final String ZONE_ALERTS_SINK = "zone-alerts-sink";
  public static final String ZONE_STATS_SINK = "zone-stats-sink";
  public static final String SEGMENT_STATS_SINK = "segment-stats-sink";

  private final IotProperties properties;
  private final IotMetrics iotMetrics;
  private final VigilMetrics metrics;
  private final Clock clock;

  public IotTopology(
      IotProperties properties, IotMetrics iotMetrics, VigilMetrics metrics, Clock clock) {
    this.properties = properties;
    this.iotMetrics = iotMetrics;
    this.metrics = metrics;
    this.clock = clock;
  }

  public void build(StreamsBuilder builder) {
    ReferenceData.global(builder, DEVICES, IotStores.DEVICES);

    KStream<String, Reading> readings =
        builder.stream(
                TELEMETRY.name(),
                Consumed.with(
                        TELEMETRY.keySerde(),
                        FutureSkewCheck.serde(clock, properties.ingest().maxFutureSkew()))
                    .withName(TELEMETRY_SOURCE))
            .processValues(ReadingCheck.supplier(), Named.as(CHECK_READINGS))
            .processValues(Deduplicator.supplier(properties, iotMetrics), Named.as(DEDUPLICATE));

    KStream<String, Alert> deviceAlerts =
        readings
            .process(LivenessMonitor.supplier(properties), Named.as(WATCH_LIVENESS))
            .merge(
                readings.processValues(AlertDetector.supplier(properties), Named.as(DETECT_ALERTS)),
                Named.as("merge-device-alerts"));
    sendAlerts(deviceAlerts, "device-alerts", DEVICE_ALERTS_SINK);

    gate(
        readings,
        DEVICE_MINUTE,
        DEVICE_WINDOW,
        properties.windows().grace(),
        IotStores.DEVICE_MINUTE_STREAM_TIME,
        IotTopology::lateReading,
        onTime -> aggregateDevices(onTime, deviceAlerts));
  }

  private void aggregateDevices(KStream<String, Reading> readings, KStream<String, Alert> alerts) {
    KStream<String, DeviceMinute> minutes =
        windowed(
                readings.groupByKey(Grouped.as("readings-by-device")),
                DEVICE_WINDOW,
                properties.windows().grace())
            .aggregate(
                () -> DeviceWindow.EMPTY,
                (deviceId, reading, window) -> window.add(reading.telemetry()),
                Named.as(AGGREGATE_DEVICE_MINUTES),
                windowStore(
                    IotStores.DEVICE_MINUTE_WINDOWS,
                    serdeFor(DeviceWindow.class),
                    DEVICE_WINDOW,
                    properties.windows().grace()))
            .suppress(Suppressed.untilWindowCloses(finalOnly()).withName("device-minute-final"))
            .toStream(Named.as("device-minute-results"))
            .map(
                (window, aggregate) ->
                    KeyValue.pair(
                        window.key(),
                        new DeviceMinute(
                            window.key(),
                            null,
                            null,
                            window.window().startTime(),
                            window.window().endTime(),
                            aggregate.metrics())),
                Named.as("to-device-minute"))
            .processValues(
                EventTimeStamp.supplier(DeviceMinute::windowStart), Named.as("stamp-device-minute"))
            .processValues(LatestMinutes.supplier(properties), Named.as(RECORD_LATEST_MINUTES));

    minutes
        .flatMapValues(DeviceMinute::aggregates, Named.as("to-metric-aggregates"))
        .processValues(
            MeasuredEmission.of(metrics, AGGREGATES.name()), Named.as("measure-aggregates"))
        .to(AGGREGATES.name(), AGGREGATES.produced().withName(AGGREGATES_SINK));

    KStream<String, ZoneInput> byZone =
        minutes
            .filter((deviceId, minute) -> minute.zone() != null, Named.as("minutes-with-zone"))
            .map(
                (deviceId, minute) -> KeyValue.pair(minute.zone(), ZoneInput.of(minute)),
                Named.as("key-minutes-by-zone"))
            .merge(
                alerts
                    .filter((deviceId, alert) -> alert.zone() != null, Named.as("alerts-with-zone"))
                    .map(
                        (deviceId, alert) -> KeyValue.pair(alert.zone(), ZoneInput.of(alert)),
                        Named.as("key-alerts-by-zone")),
                Named.as("merge-device-news"))
            .repartition(
                Repartitioned.with(Serdes.String(), serdeFor(ZoneInput.class))
                    .withName(BY_ZONE_TOPIC));
    aggregateZones(byZone);
  }

  private void aggregateZones(KStream<String, ZoneInput> news) {
    List<KStream<String, ZoneEvent>> events = new ArrayList<>();
    events.add(news.mapValues(ZoneEvent::of, Named.as("device-news-to-zone-event")));
    KStream<String, DeviceMinute> minutes =
        news.filter((zone, in) -> in.minute() != null, Named.as("zone-minutes"))
            .mapValues(ZoneInput::minute, Named.as("zone-minute-values"));

    gate(
        minutes,
        ZONE_STATS_WINDOW,
        ZONE_WINDOW,
        properties.windows().zoneGrace(),
        IotStores.ZONE_STATS_STREAM_TIME,
        IotTopology::lateMinute,
        onTime -> events.add(zoneStats(onTime)));

    gate(
        minutes.filter(
            (zone, minute) -> minute.type() == DeviceType.TRAFFIC, Named.as("traffic-minutes")),
        SEGMENT_MINUTE,
        SEGMENT_WINDOW,
        properties.windows().zoneGrace(),
        IotStores.SEGMENT_MINUTE_STREAM_TIME,
        IotTopology::lateMinute,
        onTime -> events.add(segmentMinutes(onTime)));

    KStream<String, ZoneEvent> all = events.get(0);
    for (int i = 1; i < events.size(); i++) {
      all = all.merge(events.get(i), Named.as("merge-zone-events-" + i));
    }
    all.processValues(ZoneMonitor.supplier(properties), Named.as(MONITOR_ZONES))
        .split(Named.as("zone-output-"))
        .branch(
            (zone, out) -> out.alert() != null,
            Branched.withConsumer(
                alerts ->
                    sendAlerts(
                        alerts.mapValues(ZoneOutput::alert, Named.as("zone-alert-values")),
                        "zone-alerts",
                        ZONE_ALERTS_SINK),
                "alerts"))
        .defaultBranch(
            Branched.withConsumer(
                stats ->
                    stats
                        .mapValues(ZoneOutput::segment, Named.as("segment-stats-values"))
                        .processValues(
                            MeasuredEmission.of(metrics, SEGMENT_STATS.name()),
                            Named.as("measure-segment-stats"))
                        .to(
                            SEGMENT_STATS.name(),
                            SEGMENT_STATS.produced().withName(SEGMENT_STATS_SINK)),
                "segment-stats"));
  }

  private KStream<String, ZoneEvent> zoneStats(KStream<String, DeviceMinute> minutes) {
    KStream<String, List<ZoneStats>> stats =
        windowed(
                minutes.groupByKey(Grouped.as("minutes-by-zone")),
                ZONE_WINDOW,
                properties.windows().zoneGrace())
            .aggregate(
                () -> ZoneWindow.EMPTY,
                (zone, minute, window) -> window.add(minute),
                Named.as(AGGREGATE_ZONE_STATS),
                windowStore(
                    IotStores.ZONE_STATS_WINDOWS,
                    serdeFor(ZoneWindow.class),
                    ZONE_WINDOW,
                    properties.windows().zoneGrace()))
            .suppress(Suppressed.untilWindowCloses(finalOnly()).withName("zone-stats-final"))
            .toStream(Named.as("zone-stats-results"))
            .map(
                (window, zoneWindow) ->
                    KeyValue.pair(
                        window.key(),
                        zoneWindow.stats(
                            window.key(), window.window().startTime(), window.window().endTime())),
                Named.as("to-zone-stats"))
            .processValues(
                EventTimeStamp.supplier(list -> list.get(0).windowStart()),
                Named.as("stamp-zone-stats"));
    stats
        .flatMapValues(list -> list, Named.as("each-zone-stat"))
        .processValues(
            MeasuredEmission.of(metrics, ZONE_STATS.name()), Named.as("measure-zone-stats"))
        .to(ZONE_STATS.name(), ZONE_STATS.produced().withName(ZONE_STATS_SINK));
    return stats.mapValues(ZoneEvent::of, Named.as("zone-stats-to-zone-event"));
  }

  private KStream<String, ZoneEvent> segmentMinutes(KStream<String, DeviceMinute> minutes) {
    return windowed(
            minutes.groupByKey(Grouped.as("traffic-minutes-by-zone")),
            SEGMENT_WINDOW,
            properties.windows().zoneGrace())
        .aggregate(
            () -> SegmentMinute.EMPTY,
            (zone, minute, segment) -> segment.add(minute),
            Named.as(AGGREGATE_SEGMENT_MINUTES),
            windowStore(
                IotStores.SEGMENT_MINUTE_WINDOWS,
                serdeFor(SegmentMinute.class),
                SEGMENT_WINDOW,
                properties.windows().zoneGrace()))
        .suppress(Suppressed.untilWindowCloses(finalOnly()).withName("segment-minute-final"))
        .toStream(Named.as("segment-minute-results"))
        .map(
            (window, segment) ->
                KeyValue.pair(
                    window.key(),
                    ZoneEvent.of(
                        segment.in(window.window().startTime(), window.window().endTime()))),
            Named.as("segment-minute-to-zone-event"));
  }

  /**
   * Sends each record that is too late for the window ahead to {@code iot.late}, and the others on
   * to {@code onTime}, which builds the window.
   */
  private <V> void gate(
      KStream<String, V> input,
      String window,
      Duration size,
      Duration grace,
      String store,
      BiFunction<V, Lateness, LateRecord> describe,
      Consumer<KStream<String, V>> onTime) {
    input
        .processValues(
            LatenessGate.supplier(window, size, grace, store, describe, iotMetrics),
            Named.as("gate-" + window))
        .split(Named.as(window + "-"))
        .branch(
            (key, gated) -> gated.isLate(),
            Branched.withConsumer(
                late ->
                    late.map(
                            (key, gated) -> KeyValue.pair(gated.late().deviceId(), gated.late()),
                            Named.as(window + "-late-records"))
                        .processValues(
                            MeasuredEmission.of(metrics, LATE.name()),
                            Named.as("measure-" + window + "-late"))
                        .to(LATE.name(), LATE.produced().withName(window + "-late-sink")),
                "late"))
        .defaultBranch(
            Branched.withConsumer(
                gated ->
                    onTime.accept(
                        gated.mapValues(Gated::value, Named.as(window + "-on-time-values"))),
                "on-time"));
  }

  private static <V> TimeWindowedKStream<String, V> windowed(
      KGroupedStream<String, V> grouped, Duration size, Duration grace) {
    return grouped.windowedBy(TimeWindows.ofSizeAndGrace(size, grace));
  }

  /**
   * Holds each window's updates back until the window closes, then lets its final value through
   * once. The buffer is on the heap and bounded; should it ever fill, the stream thread stops
   * rather than emit a window twice. {@code vigil.iot.windows.buffer-bytes} sizes it; the README
   * says what a fleet needs.
   */
  private StrictBufferConfig finalOnly() {
    return BufferConfig.maxBytes(properties.windows().bufferBytes().toBytes()).shutDownWhenFull();
  }

  /**
   * Kept only as long as a window can still change: its size plus the grace period; the suppression
   * buffer, not the store, holds a window until it is emitted. Without the record cache, so that
   * every update reaches the buffer at once: under exactly-once the cache saves only the writes of
   * one 100 ms commit interval.
   */
  private static <A> Materialized<String, A, WindowStore<Bytes, byte[]>> windowStore(
      String name, Serde<A> values, Duration size, Duration grace) {
    return Materialized.<String, A, WindowStore<Bytes, byte[]>>as(name)
        .withKeySerde(Serdes.String())
        .withValueSerde(values)
        .withRetention(size.plus(grace))
        .withCachingDisabled();
  }

  private void sendAlerts(KStream<String, Alert> alerts, String name, String sink) {
    alerts
        .processValues(
            MeasuredEmission.alerts(metrics, ALERTS.name(), IotTopology::alertType),
            Named.as("measure-" + name))
        .to(ALERTS.name(), ALERTS.produced().withName(sink));
  }

  /**
   * Alerts count under their type when they open, and under the type plus _CLOSED when they close.
   */
  static String alertType(Alert alert) {
    return alert.status() == AlertStatus.OPEN || alert.type() == AlertType.DEVICE_ONLINE
        ? alert.type().name()
        : alert.type().name() + "_CLOSED";
  }

  private static LateRecord lateReading(Reading reading, Lateness lateness) {
    return new LateRecord(
        reading.deviceId(),
        reading.zone(),
        lateness.window(),
        lateness.eventTime(),
        lateness.windowStart(),
        lateness.windowEnd(),
        lateness.streamTime(),
        lateness.grace().toSeconds(),
        lateness.reason(),
        reading.telemetry().metrics());
  }

  private static LateRecord lateMinute(DeviceMinute minute, Lateness lateness) {
    return new LateRecord(
        minute.deviceId(),
        minute.zone(),
        lateness.window(),
        lateness.eventTime(),
        lateness.windowStart(),
        lateness.windowEnd(),
        lateness.streamTime(),
        lateness.grace().toSeconds(),
        lateness.reason(),
        minute.means());
  }
}
