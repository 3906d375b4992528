package dev.vigil.iot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * IoT telemetry settings ({@code vigil.iot.*}), grouped by concern. Window sizes are not settings:
 * one-minute device aggregates, five-minute zone statistics and five-minute segment speeds are what
 * the outputs promise their consumers.
 *
 * @param ingest what is accepted and how duplicates are recognised
 * @param windows grace periods of the windows
 * @param offline when a silent device counts as offline
 * @param threshold breach duration for thresholds that do not set their own
 * @param anomaly the per-device baseline and how far from it a reading must be
 * @param stuck how many equal readings make a stuck sensor
 * @param congestion the Linear Road toll condition for a road segment
 * @param state how long state about a silent device or zone is kept
 */
@ConfigurationProperties("vigil.iot")
public record IotProperties(
    @DefaultValue Ingest ingest,
    @DefaultValue Windows windows,
    @DefaultValue Offline offline,
    @DefaultValue ThresholdDefaults threshold,
    @DefaultValue Anomaly anomaly,
    @DefaultValue Stuck stuck,
    @DefaultValue Congestion congestion,
    @DefaultValue State state) {

  /**
   * @param maxFutureSkew how far ahead of this service's clock a reading's time may be; a device
   *     with a broken clock would otherwise push stream time ahead and close every open window
   * @param dedupReadings how many recent reading ids are remembered per device
   * @param dedupRetention how far back from a device's newest reading its ids are remembered
   */
  public record Ingest(
      @DefaultValue("5m") Duration maxFutureSkew,
      @DefaultValue("16") int dedupReadings,
      @DefaultValue("10m") Duration dedupRetention) {}

  /**
   * @param grace how late a reading may be for its one-minute window
   * @param zoneGrace how late a device's one-minute means may reach their zone's windows: they come
   *     from every partition, whose stream times differ
   */
  public record Windows(
      @DefaultValue("30s") Duration grace, @DefaultValue("1m") Duration zoneGrace) {}

  /**
   * @param defaultExpectedInterval for devices whose registration does not say, or that are not
   *     registered
   * @param missedIntervals how many expected intervals without a reading make a device offline
   * @param checkInterval how often, on the wall clock, silent devices are looked for
   * @param startupGrace after a start, how long to read the backlog before calling anyone offline
   */
  public record Offline(
      @DefaultValue("60s") Duration defaultExpectedInterval,
      @DefaultValue("3") int missedIntervals,
      @DefaultValue("1s") Duration checkInterval,
      @DefaultValue("30s") Duration startupGrace) {}

  /**
   * @param breachDuration how long a metric must stay outside its threshold to raise a breach
   */
  public record ThresholdDefaults(@DefaultValue("60s") Duration breachDuration) {}

  /**
   * @param warmUp readings of a metric before its baseline is trusted
   * @param alpha weight of each new reading in the exponentially weighted baseline
   * @param zScore how many (robust) standard deviations from the baseline is an anomaly
   */
  public record Anomaly(
      @DefaultValue("30") int warmUp,
      @DefaultValue("0.05") double alpha,
      @DefaultValue("4.0") double zScore) {}

  /**
   * @param repeats equal consecutive readings of a varying metric that make a sensor stuck
   */
  public record Stuck(@DefaultValue("10") int repeats) {}

  /**
   * @param maxSpeedKmh a segment is congested when its five-minute mean speed is below this...
   * @param minVehiclesPerMinute ...while more vehicles than this passed in the last minute
   */
  public record Congestion(
      @DefaultValue("40") double maxSpeedKmh, @DefaultValue("50") double minVehiclesPerMinute) {}

  /**
   * @param deviceTtl state of a device with no reading for this long (on the service's clock) is
   *     forgotten, and so is a zone, or a zone's view of a device, that heard nothing for as long
   * @param sweepInterval how often, on the wall clock, the zone side looks for what to forget; the
   *     device side does it with the offline check
   */
  public record State(
      @DefaultValue("7d") Duration deviceTtl, @DefaultValue("1h") Duration sweepInterval) {}

  /** The built-in defaults, as a configuration without any {@code vigil.iot} entries gets. */
  public static IotProperties defaults() {
    return new IotProperties(
        new Ingest(Duration.ofMinutes(5), 16, Duration.ofMinutes(10)),
        new Windows(Duration.ofSeconds(30), Duration.ofMinutes(1)),
        new Offline(Duration.ofSeconds(60), 3, Duration.ofSeconds(1), Duration.ofSeconds(30)),
        new ThresholdDefaults(Duration.ofSeconds(60)),
        new Anomaly(30, 0.05, 4.0),
        new Stuck(10),
        new Congestion(40, 50),
        new State(Duration.ofDays(7), Duration.ofHours(1)));
  }
}
