package dev.vigil.iot;

import static dev.vigil.common.iot.IotTopics.AGGREGATES;
import static dev.vigil.common.iot.IotTopics.ALERTS;
import static dev.vigil.common.iot.IotTopics.DEVICES;
import static dev.vigil.common.iot.IotTopics.LATE;
import static dev.vigil.common.iot.IotTopics.SEGMENT_STATS;
import static dev.vigil.common.iot.IotTopics.TELEMETRY;
import static dev.vigil.common.iot.IotTopics.ZONE_STATS;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertStatus;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.LateRecord;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.common.metrics.MeasuredEmission;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.iot.device.DeviceMonitor;
import dev.vigil.iot.device.DeviceOutput;
import dev.vigil.iot.ingest.FutureSkewCheck;
import dev.vigil.iot.ingest.Reading;
import dev.vigil.iot.ingest.ReadingCheck;
import dev.vigil.iot.window.DeviceMinute;
import dev.vigil.iot.window.DeviceWindow;
import dev.vigil.iot.window.FinalWindow;
import dev.vigil.iot.window.Lateness;
import dev.vigil.iot.window.LatestMinutes;
import dev.vigil.iot.window.WindowResult;
import dev.vigil.iot.window.WindowResult.Closed;
import dev.vigil.iot.window.WindowSpec;
import dev.vigil.iot.zone.SegmentMinute;
import dev.vigil.iot.zone.ZoneEvent;
import dev.vigil.iot.zone.ZoneInput;
import dev.vigil.iot.zone.ZoneMonitor;
import dev.vigil.iot.zone.ZoneOutput;
import dev.vigil.iot.zone.ZoneWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Condenses sensor readings into windowed statistics and raises alerts an operator can act on.
 *
 * <p>The device side is keyed by device id, as {@code iot.telemetry} is: checks, de-duplication,
 * liveness, the alert rules and the one-minute windows all keep their state per device in the task
 * of the device's partition. Devices are a global table, so joining a reading or a closed minute
 * with its device's registration needs no repartition. The zone side needs one: closed
 * device-minutes and device alerts are re-keyed by zone through a single repartition topic, and the
 * zone's five-minute statistics, its road-segment minutes and its overview are all computed in the
 * zone's task.
 *
 * <p>Every window is final-only: emitted once, when it closes, and a record too late for its window
 * goes to {@code iot.late} instead of being dropped silently (see {@link FinalWindow}).
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
  public static final String JOIN_DEVICES = "join-devices";
  public static final String MONITOR_DEVICES = "monitor-devices";
  public static final String PLACE_DEVICE_MINUTES = "place-device-minutes";
  public static final String RECORD_LATEST_MINUTES = "record-latest-minutes";
  public static final String BY_ZONE_TOPIC = "device-news-by-zone";
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
    GlobalKTable<String, Device> devices =
        ReferenceData.global(builder, DEVICES, IotStores.DEVICES);

    KStream<String, DeviceOutput> monitored =
        builder.stream(
                TELEMETRY.name(),
                Consumed.with(
                        TELEMETRY.keySerde(),
                        FutureSkewCheck.serde(clock, properties.ingest().maxFutureSkew()))
                    .withName(TELEMETRY_SOURCE))
            .processValues(ReadingCheck.supplier(), Named.as(CHECK_READINGS))
            .leftJoin(
                devices, (deviceId, telemetry) -> deviceId, Reading::new, Named.as(JOIN_DEVICES))
            .process(DeviceMonitor.supplier(properties, iotMetrics), Named.as(MONITOR_DEVICES));

    KStream<String, Alert> deviceAlerts =
        monitored.flatMapValues(DeviceOutput::alerts, Named.as("device-alerts"));
    sendAlerts(deviceAlerts, "device-alerts", DEVICE_ALERTS_SINK);

    KStream<String, DeviceMinute> minutes =
        finalWindows(
                monitored.flatMapValues(DeviceOutput::readings, Named.as("accepted-readings")),
                new WindowSpec(
                    DEVICE_MINUTE,
                    DEVICE_WINDOW,
                    properties.windows().grace(),
                    IotStores.DEVICE_MINUTE_WINDOWS,
                    IotStores.DEVICE_MINUTE_LAST_CLOSE),
                IotStores.DEVICE_WINDOWS,
                DeviceWindow.EMPTY,
                (window, reading) -> window.add(reading.telemetry()),
                IotTopology::lateReading)
            .mapValues(DeviceMinute::of, Named.as("to-device-minute"))
            .leftJoin(
                devices,
                (deviceId, minute) -> deviceId,
                DeviceMinute::placedIn,
                Named.as(PLACE_DEVICE_MINUTES))
            .processValues(
                LatestMinutes.supplier(),
                Named.as(RECORD_LATEST_MINUTES),
                IotStores.DEVICE_STATE,
                IotStores.LATEST_MINUTES);

    minutes
        .flatMapValues(DeviceMinute::aggregates, Named.as("to-metric-aggregates"))
        .processValues(
            MeasuredEmission.of(metrics, AGGREGATES.name()), Named.as("measure-aggregates"))
        .to(AGGREGATES.name(), AGGREGATES.produced().withName(AGGREGATES_SINK));

    KStream<String, ZoneInput> news =
        minutes
            .filter((deviceId, minute) -> minute.zone() != null, Named.as("minutes-with-zone"))
            .map(
                (deviceId, minute) -> KeyValue.pair(minute.zone(), ZoneInput.of(minute)),
                Named.as("key-minutes-by-zone"))
            .merge(
                deviceAlerts
                    .filter((deviceId, alert) -> alert.zone() != null, Named.as("alerts-with-zone"))
                    .map(
                        (deviceId, alert) -> KeyValue.pair(alert.zone(), ZoneInput.of(alert)),
                        Named.as("key-alerts-by-zone")),
                Named.as("merge-device-news"))
            .repartition(
                Repartitioned.with(Serdes.String(), IotStores.ZONE_INPUTS).withName(BY_ZONE_TOPIC));

    KStream<String, ZoneEvent> deviceNews =
        news.mapValues(ZoneEvent::of, Named.as("device-news-to-zone-event"));
    KStream<String, DeviceMinute> zoneMinutes =
        news.filter((zone, in) -> in.minute() != null, Named.as("zone-minutes"))
            .mapValues(ZoneInput::minute, Named.as("zone-minute-values"));

    KStream<String, List<ZoneStats>> zoneStats =
        finalWindows(
                zoneMinutes,
                new WindowSpec(
                    ZONE_STATS_WINDOW,
                    ZONE_WINDOW,
                    properties.windows().zoneGrace(),
                    IotStores.ZONE_STATS_WINDOWS,
                    IotStores.ZONE_STATS_LAST_CLOSE),
                IotStores.ZONE_WINDOWS,
                ZoneWindow.EMPTY,
                ZoneWindow::add,
                IotTopology::lateMinute)
            .mapValues(
                (zone, closed) -> closed.aggregate().stats(zone, closed.start(), closed.end()),
                Named.as("to-zone-stats"));
    zoneStats
        .flatMapValues(stats -> stats, Named.as("each-zone-stat"))
        .processValues(
            MeasuredEmission.of(metrics, ZONE_STATS.name()), Named.as("measure-zone-stats"))
        .to(ZONE_STATS.name(), ZONE_STATS.produced().withName(ZONE_STATS_SINK));

    KStream<String, ZoneEvent> segmentMinutes =
        finalWindows(
                zoneMinutes.filter(
                    (zone, minute) -> minute.type() == DeviceType.TRAFFIC,
                    Named.as("traffic-minutes")),
                new WindowSpec(
                    SEGMENT_MINUTE,
                    SEGMENT_WINDOW,
                    properties.windows().zoneGrace(),
                    IotStores.SEGMENT_MINUTE_WINDOWS,
                    IotStores.SEGMENT_MINUTE_LAST_CLOSE),
                IotStores.SEGMENT_MINUTES,
                SegmentMinute.EMPTY,
                SegmentMinute::add,
                IotTopology::lateMinute)
            .mapValues(
                closed -> ZoneEvent.of(closed.aggregate().in(closed.start(), closed.end())),
                Named.as("segment-minute-to-zone-event"));

    deviceNews
        .merge(
            zoneStats.mapValues(ZoneEvent::of, Named.as("zone-stats-to-zone-event")),
            Named.as("merge-zone-stats"))
        .merge(segmentMinutes, Named.as("merge-segment-minutes"))
        .processValues(ZoneMonitor.supplier(properties), Named.as(MONITOR_ZONES))
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

  /**
   * Final-only windows over {@code input}: each window's aggregate once, when it closes, keyed as
   * the input is and stamped with the window's start. Records too late for their window go to
   * {@code iot.late}, described by {@code describe}.
   */
  private <V, A> KStream<String, Closed<A>> finalWindows(
      KStream<String, V> input,
      WindowSpec window,
      Serde<A> aggregates,
      A empty,
      BiFunction<A, V, A> add,
      BiFunction<V, Lateness, LateRecord> describe) {
    KStream<String, WindowResult<A>> results =
        input.process(
            FinalWindow.supplier(window, aggregates, empty, add, describe, iotMetrics),
            Named.as("window-" + window.name()));
    results
        .flatMapValues(WindowResult::late, Named.as(window.name() + "-late-records"))
        .processValues(
            MeasuredEmission.of(metrics, LATE.name()),
            Named.as("measure-" + window.name() + "-late"))
        .to(LATE.name(), LATE.produced().withName(window.name() + "-late-sink"));
    return results.flatMapValues(WindowResult::closed, Named.as(window.name() + "-closed"));
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
