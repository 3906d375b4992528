package dev.vigil.simulator.iot;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.iot.Threshold;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.label.LabelTopics;
import dev.vigil.simulator.label.Labels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * An endless, deterministic stream of readings from a city's sensors, in groups of six per
 * district: two air-quality stations, a weather station, a noise meter and two traffic counters on
 * the district's ring-road segment. Each metric follows a daily pattern (particles and traffic peak
 * in the morning rush, temperature in the afternoon, noise in the evening) plus a little noise.
 *
 * <p>Every few seconds (the incident ratio is incidents per device per minute) one sensor that is
 * healthy fails, kind after kind: PM2.5 above its threshold for 60–90 s ({@code THRESHOLD_BREACH});
 * a single 104 dB reading ({@code SPIKE}); a thermometer repeating its value for 15 readings
 * ({@code STUCK_SENSOR}); a hygrometer creeping up by 0.8 % a reading for three minutes ({@code
 * DRIFT}); a device sending nothing for one to two minutes ({@code OFFLINE}); a segment jammed for
 * six minutes, slow and dense ({@code CONGESTION}, labelled with the segment). Spikes and drifts
 * come after the device's first 40 readings: a running fleet's sensors have a history.
 */
public final class IotStream {

  public static final int DEFAULT_DEVICES = 24;

  /** Incidents per device per minute, unless the scenario says otherwise. */
  public static final double DEFAULT_INCIDENT_RATIO = 0.25;

  static final List<String> DISTRICTS = List.of("harbour", "old-town", "centre", "university");

  private static final Duration FIRST_INCIDENT = Duration.ofSeconds(5);
  private static final int WARM_UP_READINGS = 40;
  private static final Duration DAY = Duration.ofDays(1);

  /**
   * How long a device works normally after an incident, and a segment flows after a jam: long
   * enough for the services to close the alert (a segment's speeds are averaged over five minutes)
   * before the next incident opens one.
   */
  private static final Duration DEVICE_REST = Duration.ofMinutes(3);

  private static final Duration SEGMENT_REST = Duration.ofMinutes(10);

  private final Instant start;
  private final Instant live;
  private final Random noise;
  private final Random incidents;
  private final List<Device> devices = new ArrayList<>();
  private final Map<String, Device> byId = new LinkedHashMap<>();
  private final Map<String, Fault> faults = new HashMap<>();
  private final Map<String, Instant> restUntil = new HashMap<>();
  private final Map<String, Long> readingsSent = new HashMap<>();
  private final Map<String, Double> frozenAt = new HashMap<>();
  private final PriorityQueue<Due> due =
      new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingInt(Due::device));
  private final Duration meanIncidentGap;
  private final Labels labels;
  private Instant nextIncident;
  private int incidentTurn;

  /** One reading, and whether an incident shapes it. */
  public record Step(Telemetry reading, boolean incident) {}

  public IotStream(Scenario scenario) {
    this.live = scenario.start();
    this.start = scenario.start().minus(scenario.history());
    this.noise = new Random(scenario.seed());
    this.incidents = new Random(scenario.seed() + 1);
    int count = scenario.entitiesOr(DEFAULT_DEVICES);
    Duration interval = scenario.reportingInterval();
    for (int i = 0; i < count; i++) {
      Device device = interval == null ? device(i) : reporting(device(i), interval);
      devices.add(device);
      byId.put(device.deviceId(), device);
      // Spread over the interval, so the fleet does not report in bursts.
      Duration phase =
          Duration.ofSeconds(device.expectedIntervalSeconds()).multipliedBy(i).dividedBy(count);
      due.add(new Due(start.plus(phase), i));
    }
    double ratio = scenario.incidentRatioOr(DEFAULT_INCIDENT_RATIO);
    this.meanIncidentGap = ratio == 0 ? null : Duration.ofMillis((long) (60_000 / (ratio * count)));
    this.nextIncident = ratio == 0 ? Instant.MAX : start.plus(FIRST_INCIDENT);
    this.labels = new Labels(LabelTopics.IOT, scenario, start, count);
  }

  public List<Device> devices() {
    return List.copyOf(devices);
  }

  public List<SampleEvent<?>> takeLabels() {
    return labels.take();
  }

  /** The next reading, in event-time order. */
  public Step next() {
    while (true) {
      Due head = due.poll();
      Device device = devices.get(head.device());
      due.add(new Due(head.at().plusSeconds(device.expectedIntervalSeconds()), head.device()));
      while (!nextIncident.isAfter(head.at())) {
        inject(nextIncident);
        nextIncident =
            nextIncident.plusMillis(
                (long) (meanIncidentGap.toMillis() * (0.7 + incidents.nextDouble() * 0.6)));
      }
      Fault fault = activeFault(device, head.at());
      if (fault != null && fault.kind() == Kind.OFFLINE) {
        continue;
      }
      readingsSent.merge(device.deviceId(), 1L, Long::sum);
      return new Step(reading(device, head.at(), fault), fault != null);
    }
  }

  private Fault activeFault(Device device, Instant at) {
    Fault fault = faults.get(device.deviceId());
    if (fault == null && device.type() == DeviceType.TRAFFIC) {
      fault = faults.get(device.zone());
    }
    if (fault == null || at.isBefore(fault.onset())) {
      return null;
    }
    if (!at.isBefore(fault.end())) {
      faults.remove(fault.entity());
      frozenAt.remove(device.deviceId());
      return null;
    }
    return fault;
  }

  /** The next kind of incident on a healthy device that can have it; skipped if there is none. */
  private void inject(Instant at) {
    Kind kind = Kind.values()[incidentTurn++ % Kind.values().length];
    if (kind == Kind.OFFLINE && at.isBefore(live)) {
      // The service notices silence on its own clock: a replayed history has none.
      return;
    }
    List<Device> candidates =
        devices.stream()
            .filter(d -> d.type() == kind.type)
            .filter(d -> !faults.containsKey(d.deviceId()) && !faults.containsKey(d.zone()))
            .filter(d -> !at.isBefore(restUntil.getOrDefault(entity(kind, d), Instant.MIN)))
            .filter(
                d ->
                    !kind.needsHistory
                        || readingsSent.getOrDefault(d.deviceId(), 0L) >= WARM_UP_READINGS)
            .toList();
    if (candidates.isEmpty()) {
      return;
    }
    Device device = candidates.get(incidents.nextInt(candidates.size()));
    Duration interval = Duration.ofSeconds(device.expectedIntervalSeconds());
    String entity = entity(kind, device);
    Duration length =
        switch (kind) {
          case THRESHOLD_BREACH -> Duration.ofSeconds(60 + incidents.nextInt(31));
          case SPIKE -> interval;
          case STUCK_SENSOR -> interval.multipliedBy(15);
          case DRIFT -> Duration.ofMinutes(3);
          case OFFLINE -> Duration.ofSeconds(60 + incidents.nextInt(61));
          case CONGESTION -> Duration.ofMinutes(6);
        };
    // The incident starts with the device's next reading.
    Instant onset = nextReading(device, at);
    Instant end = onset.plus(length);
    Instant deadline =
        switch (kind) {
          case THRESHOLD_BREACH -> onset.plusSeconds(thresholdSeconds(device)).plus(interval);
          case SPIKE -> onset.plus(interval);
          case STUCK_SENSOR -> onset.plus(interval.multipliedBy(10));
          case DRIFT -> end;
          // 3 intervals after its last reading, one interval before the first one missed.
          case OFFLINE -> onset.plus(interval.multipliedBy(2)).plusSeconds(10);
          case CONGESTION -> end.plus(Duration.ofMinutes(2));
        };
    faults.put(entity, new Fault(kind, entity, onset, end));
    restUntil.put(entity, end.plus(kind == Kind.CONGESTION ? SEGMENT_REST : DEVICE_REST));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("expectedIntervalSeconds", device.expectedIntervalSeconds());
    details.put("zone", device.zone());
    labels.add(kind.name(), entity, onset, end, deadline, details);
  }

  private static String entity(Kind kind, Device device) {
    return kind == Kind.CONGESTION ? device.zone() : device.deviceId();
  }

  private Instant nextReading(Device device, Instant after) {
    Duration interval = Duration.ofSeconds(device.expectedIntervalSeconds());
    Instant first =
        due.stream().filter(d -> devices.get(d.device()) == device).findFirst().get().at();
    Instant t = first;
    while (t.isBefore(after)) {
      t = t.plus(interval);
    }
    return t;
  }

  private Telemetry reading(Device device, Instant at, Fault fault) {
    Kind kind = fault == null ? null : fault.kind();
    Map<String, Double> metrics = new LinkedHashMap<>();
    switch (device.type()) {
      case AIR_QUALITY -> {
        metrics.put(
            "pm25",
            round(
                kind == Kind.THRESHOLD_BREACH
                    ? 38 + jitter(3)
                    : 12 + 4 * daily(at, 8) + jitter(2)));
        metrics.put("pm10", round(22 + 5 * daily(at, 8) + jitter(3)));
        metrics.put("no2", round(31 + 8 * daily(at, 8) + jitter(4)));
        metrics.put("temperatureC", round(9 + 4 * daily(at, 15) + jitter(0.4)));
        metrics.put("humidityPct", round(78 - 8 * daily(at, 15) + jitter(3)));
      }
      case WEATHER -> {
        double temperature = round(11 + 4 * daily(at, 15) + jitter(0.3));
        metrics.put(
            "temperatureC",
            kind == Kind.STUCK_SENSOR
                ? frozenAt.computeIfAbsent(device.deviceId(), id -> temperature)
                : temperature);
        double drift =
            kind == Kind.DRIFT
                ? 0.8
                    * Duration.between(fault.onset(), at).toSeconds()
                    / device.expectedIntervalSeconds()
                : 0;
        metrics.put(
            "humidityPct", round(Math.min(100, 66 - 8 * daily(at, 15) + drift + jitter(3))));
        metrics.put("pressureHpa", round(1013 + jitter(1)));
      }
      case NOISE ->
          metrics.put(
              "noiseDb", round(kind == Kind.SPIKE ? 104 : 55 + 8 * daily(at, 18) + jitter(3)));
      case TRAFFIC -> {
        boolean jam = kind == Kind.CONGESTION;
        metrics.put(
            "vehicleCount",
            (double) Math.round(jam ? 13 + jitter(1) : 6 + 2 * daily(at, 8) + jitter(1)));
        metrics.put("avgSpeedKmh", round(jam ? 20 + jitter(3) : 66 - 6 * daily(at, 8) + jitter(5)));
      }
    }
    metrics.put(
        "batteryPct", round(Math.max(5, 95 - Duration.between(start, at).toMinutes() * 0.01)));
    // Unique per device across runs, so a restarted simulation never looks like redelivery.
    long sequence = at.toEpochMilli() / 1000 / device.expectedIntervalSeconds();
    return new Telemetry(device.deviceId(), at, metrics, sequence);
  }

  /** 1 at the peak hour (UTC), -1 twelve hours later. */
  private static double daily(Instant at, int peakHour) {
    double hour =
        at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / (double) DAY.toSeconds() * 24;
    return Math.cos(2 * Math.PI * (hour - peakHour) / 24);
  }

  /** Uniform, so a healthy reading is never four deviations from its device's mean. */
  private double jitter(double amplitude) {
    return (noise.nextDouble() * 2 - 1) * amplitude;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static int thresholdSeconds(Device device) {
    return device.thresholds().values().stream().mapToInt(Threshold::forSeconds).max().orElse(60);
  }

  /** The device as registered when it reports at another interval than its type's. */
  private static Device reporting(Device device, Duration interval) {
    return new Device(
        device.deviceId(),
        device.zone(),
        device.type(),
        device.location(),
        (int) interval.toSeconds(),
        device.thresholds());
  }

  private static Device device(int index) {
    int group = index / 6;
    String district = DISTRICTS.get(group % DISTRICTS.size());
    String suffix = "-" + (group + 1);
    return switch (index % 6) {
      case 0, 1 ->
          new Device(
              "air-" + district + suffix + (index % 6 == 0 ? "a" : "b"),
              district,
              DeviceType.AIR_QUALITY,
              null,
              10,
              Map.of("pm25", new Threshold(null, 25.0, 30)));
      case 2 ->
          new Device(
              "weather-" + district + suffix,
              district,
              DeviceType.WEATHER,
              null,
              5,
              Map.of("temperatureC", new Threshold(-10.0, 35.0, 60)));
      case 3 ->
          new Device(
              "noise-" + district + suffix,
              district,
              DeviceType.NOISE,
              null,
              2,
              Map.of("noiseDb", new Threshold(null, 85.0, 30)));
      default ->
          new Device(
              "traffic-ring" + suffix + (index % 6 == 4 ? "a" : "b"),
              "ring-road" + suffix,
              DeviceType.TRAFFIC,
              null,
              10,
              Map.of());
    };
  }

  /** The incidents, in the order they take turns, and the kind of device each happens to. */
  enum Kind {
    THRESHOLD_BREACH(DeviceType.AIR_QUALITY, false),
    SPIKE(DeviceType.NOISE, true),
    STUCK_SENSOR(DeviceType.WEATHER, false),
    OFFLINE(DeviceType.AIR_QUALITY, false),
    DRIFT(DeviceType.WEATHER, true),
    CONGESTION(DeviceType.TRAFFIC, false);

    final DeviceType type;
    final boolean needsHistory;

    Kind(DeviceType type, boolean needsHistory) {
      this.type = type;
      this.needsHistory = needsHistory;
    }
  }

  private record Fault(Kind kind, String entity, Instant onset, Instant end) {}

  private record Due(Instant at, int device) {}
}
