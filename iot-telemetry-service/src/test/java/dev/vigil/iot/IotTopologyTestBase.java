package dev.vigil.iot;

import static dev.vigil.common.testing.TestDrivers.input;
import static dev.vigil.common.testing.TestDrivers.output;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.LateRecord;
import dev.vigil.common.iot.MetricAggregate;
import dev.vigil.common.iot.SegmentStats;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.iot.Threshold;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.testing.TestDrivers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the IoT topology in a TopologyTestDriver with the built-in defaults. Readings arrive in real
 * time: before each is piped in, the driver's wall clock (which is also the service's clock) moves
 * to the reading's event time, and by at least a second, as it would between two arrivals.
 */
public abstract class IotTopologyTestBase {

  public static final Instant BEGINNING = Instant.parse("2026-03-02T09:00:00Z");
  public static final Instant ONE_MINUTE_LATER = BEGINNING.plus(Duration.ofMinutes(1));
  public static final Instant TWO_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(2));
  public static final Instant FIVE_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(5));
  public static final Instant TEN_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(10));

  public static final String ZONE = "harbour";
  public static final String SEGMENT = "ring-road-12";

  /** The driver's application id, and the one task it runs the whole topology in. */
  private static final String APPLICATION_ID = "test";

  private static final String TASK = "0_0";
  private static final String GLOBAL = "global";

  protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  protected Topology topology;
  protected TopologyTestDriver driver;
  protected TestInputTopic<String, Telemetry> telemetry;
  protected TestInputTopic<String, Device> devices;
  protected TestOutputTopic<String, MetricAggregate> aggregates;
  protected TestOutputTopic<String, ZoneStats> zoneStats;
  protected TestOutputTopic<String, SegmentStats> segmentStats;
  protected TestOutputTopic<String, LateRecord> late;
  protected TestOutputTopic<String, Alert> alerts;

  private Instant wallClock = BEGINNING;

  /** Where the drivers of a test keep their state, one after the other. */
  private Path state;

  /** The service's clock: the driver's wall clock. */
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return wallClock;
        }
      };

  /** The configuration under test; subclasses may change settings. */
  protected IotProperties properties() {
    return IotProperties.defaults();
  }

  @BeforeEach
  void startDriver() throws IOException {
    StreamsBuilder builder = new StreamsBuilder();
    new IotTopology(properties(), new IotMetrics(registry), new VigilMetrics(registry), clock)
        .build(builder);
    topology = builder.build();
    state = Files.createTempDirectory("iot-test-state-");
    driver = startDriver(BEGINNING);
  }

  /**
   * Stops the driver and starts another on the state it leaves behind, as the service restarts on
   * its state directory.
   */
  protected void restartOnTheSameState() throws IOException {
    driver.close();
    driver = startDriver(wallClock);
  }

  /**
   * A driver deletes its state directory when it closes. Each starts on a directory of its own
   * whose task and global directories are links to those in {@link #state}: it deletes only the
   * links, and leaves what it wrote for the next.
   */
  private TopologyTestDriver startDriver(Instant wallClockTime) throws IOException {
    Path dir = Files.createTempDirectory("iot-test-driver-");
    Path application = Files.createDirectories(dir.resolve(APPLICATION_ID));
    for (String task : List.of(TASK, GLOBAL)) {
      Files.createSymbolicLink(
          application.resolve(task), Files.createDirectories(state.resolve(task)));
    }
    dir.toFile().deleteOnExit();
    application.toFile().deleteOnExit();
    TopologyTestDriver started =
        TestDrivers.create(
            topology, wallClockTime, Map.of(StreamsConfig.STATE_DIR_CONFIG, dir.toString()));
    telemetry = input(started, IotTopics.TELEMETRY);
    devices = input(started, IotTopics.DEVICES);
    aggregates = output(started, IotTopics.AGGREGATES);
    zoneStats = output(started, IotTopics.ZONE_STATS);
    segmentStats = output(started, IotTopics.SEGMENT_STATS);
    late = output(started, IotTopics.LATE);
    alerts = output(started, IotTopics.ALERTS);
    return started;
  }

  @AfterEach
  void closeDriver() throws IOException {
    driver.close();
    try (Stream<Path> files = Files.walk(state)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Each reading arrives when it happened; one that happened earlier than now arrives now. */
  protected void send(Telemetry... readings) {
    for (Telemetry reading : readings) {
      advanceWallClockTo(reading.eventTime());
      telemetry.pipeInput(reading.deviceId(), reading);
    }
  }

  /** A reading that arrives now, whatever its event time says. */
  protected void sendNow(Telemetry reading) {
    telemetry.pipeInput(reading.deviceId(), reading);
  }

  protected void advanceWallClockTo(Instant time) {
    if (time.isAfter(wallClock)) {
      driver.advanceWallClockTime(Duration.between(wallClock, time));
      wallClock = time;
    }
  }

  protected void advanceWallClock(Duration duration) {
    advanceWallClockTo(wallClock.plus(duration));
  }

  protected Instant wallClock() {
    return wallClock;
  }

  protected void register(Device device) {
    devices.pipeInput(device.deviceId(), device);
  }

  /** A weather station in {@link #ZONE}, reporting every ten seconds, without thresholds. */
  protected static Device station(String deviceId) {
    return new Device(deviceId, ZONE, DeviceType.WEATHER, null, 10, Map.of());
  }

  /** A weather station with a threshold on one metric. */
  protected static Device station(String deviceId, String metric, Threshold threshold) {
    return new Device(deviceId, ZONE, DeviceType.WEATHER, null, 10, Map.of(metric, threshold));
  }

  /** A traffic counter on road segment {@link #SEGMENT}, reporting every thirty seconds. */
  protected static Device counter(String deviceId) {
    return new Device(deviceId, SEGMENT, DeviceType.TRAFFIC, null, 30, Map.of());
  }

  /** A reading of one metric. */
  public static Telemetry reading(String deviceId, Instant at, String metric, double value) {
    return new Telemetry(deviceId, at, Map.of(metric, value), null);
  }

  /** A reading of several metrics, given as name, value, name, value... */
  public static Telemetry reading(String deviceId, Instant at, Object... metricsAndValues) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < metricsAndValues.length; i += 2) {
      metrics.put((String) metricsAndValues[i], ((Number) metricsAndValues[i + 1]).doubleValue());
    }
    return new Telemetry(deviceId, at, metrics, null);
  }

  /** The alerts emitted so far, of the given types, in order. */
  protected List<Alert> alertsOf(AlertType... types) {
    List<AlertType> wanted = List.of(types);
    return alerts.readValuesToList().stream().filter(a -> wanted.contains(a.type())).toList();
  }
}
