package dev.vigil.common.iot;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.topic.Topic;
import dev.vigil.common.topic.TopicAccess;
import java.util.List;

/** The topics of the IoT and smart-city domain, with their keys and formats. */
public final class IotTopics {

  /** Keyed by device id. */
  public static final Topic<String, Telemetry> TELEMETRY =
      Topic.events("iot.telemetry", serdeFor(Telemetry.class));

  /** Keyed by device id. */
  public static final Topic<String, Device> DEVICES =
      Topic.table("iot.devices", serdeFor(Device.class));

  /** Keyed by device id. */
  public static final Topic<String, MetricAggregate> AGGREGATES =
      Topic.events("iot.aggregates", serdeFor(MetricAggregate.class));

  /** Keyed by zone. */
  public static final Topic<String, ZoneStats> ZONE_STATS =
      Topic.events("iot.zone-stats", serdeFor(ZoneStats.class));

  /** Keyed by zone. */
  public static final Topic<String, SegmentStats> SEGMENT_STATS =
      Topic.events("iot.segment-stats", serdeFor(SegmentStats.class));

  /** Keyed by device id. */
  public static final Topic<String, LateRecord> LATE =
      Topic.events("iot.late", serdeFor(LateRecord.class));

  /** Keyed by device id, or by zone for zone alerts. */
  public static final Topic<String, Alert> ALERTS =
      Topic.events("iot.alerts", serdeFor(Alert.class));

  /** What the IoT telemetry service reads and writes. */
  public static final TopicAccess SERVICE_ACCESS =
      new TopicAccess(
          List.of(TELEMETRY, DEVICES),
          List.of(AGGREGATES, ZONE_STATS, SEGMENT_STATS, LATE, ALERTS));

  public static final List<Topic<String, ?>> ALL =
      List.of(TELEMETRY, DEVICES, AGGREGATES, ZONE_STATS, SEGMENT_STATS, LATE, ALERTS);

  private IotTopics() {}
}
