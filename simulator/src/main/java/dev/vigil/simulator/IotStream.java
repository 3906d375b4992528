package dev.vigil.simulator;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.iot.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An endless, deterministic stream of readings from a small city fleet for the demo: air-quality
 * stations in the harbour, weather stations and noise meters in the old town, and traffic counters
 * on two road segments. Healthy sensors report steady, slightly noisy values. Every {@link #CYCLE}
 * some of them fail in the same way: a harbour station measures PM2.5 above its threshold for two
 * and a half minutes, the northern ring road jams for four minutes, a weather station's temperature
 * freezes, a noise meter reports a single 104 dB spike (an anomaly, too short to breach its
 * threshold) and a southern traffic counter goes silent for 90 seconds.
 */
public final class IotStream {

  /** How often the story repeats. */
  public static final Duration CYCLE = Duration.ofMinutes(8);

  /** Noise meters report every tick, the other sensors every other tick. */
  static final Duration TICK = Duration.ofSeconds(5);

  static final String SMOGGY = "air-harbour-2";
  static final String FROZEN = "weather-old-town-2";
  static final String SPIKY = "noise-old-town-1";
  static final String SILENT = "traffic-ring-s-2";
  static final String JAMMED_SEGMENT = "ring-road-north";

  private static final Window SMOG = new Window(60, 210);
  private static final Window JAM = new Window(30, 270);
  private static final Window FREEZE = new Window(120, 270);
  private static final Window SPIKE = new Window(300, 305);
  private static final Window SILENCE = new Window(330, 420);

  private final Instant start;
  private final Random noise;
  private final List<Device> devices = new ArrayList<>();
  private final Map<String, Double> frozenAt = new LinkedHashMap<>();
  private final Deque<Telemetry> pending = new ArrayDeque<>();
  private long tick;

  public IotStream(long seed, Instant start) {
    this.start = start;
    this.noise = new Random(seed);
    for (int i = 1; i <= 3; i++) {
      devices.add(
          device(
              "air-harbour-" + i,
              "harbour",
              DeviceType.AIR_QUALITY,
              10,
              Map.of("pm25", new Threshold(null, 25.0, 60))));
    }
    for (int i = 1; i <= 2; i++) {
      devices.add(
          device(
              "weather-old-town-" + i,
              "old-town",
              DeviceType.WEATHER,
              10,
              Map.of("temperatureC", new Threshold(-10.0, 35.0, 120))));
    }
    for (int i = 1; i <= 2; i++) {
      devices.add(
          device(
              "noise-old-town-" + i,
              "old-town",
              DeviceType.NOISE,
              5,
              Map.of("noiseDb", new Threshold(null, 85.0, 30))));
    }
    for (String side : List.of("n", "s")) {
      for (int i = 1; i <= 2; i++) {
        devices.add(
            device(
                "traffic-ring-" + side + "-" + i,
                side.equals("n") ? JAMMED_SEGMENT : "ring-road-south",
                DeviceType.TRAFFIC,
                10,
                Map.of()));
      }
    }
  }

  public List<Device> devices() {
    return List.copyOf(devices);
  }

  /** The next reading, in event-time order; within a tick the devices take turns, evenly spread. */
  public Telemetry next() {
    while (pending.isEmpty()) {
      Instant tickStart = start.plus(TICK.multipliedBy(tick));
      for (int i = 0; i < devices.size(); i++) {
        Device device = devices.get(i);
        Instant at = tickStart.plus(TICK.multipliedBy(i).dividedBy(devices.size()));
        boolean due = device.expectedIntervalSeconds() <= TICK.toSeconds() || tick % 2 == 0;
        if (due && !(device.deviceId().equals(SILENT) && SILENCE.contains(inCycle(at)))) {
          pending.add(reading(device, at));
        }
      }
      tick++;
    }
    return pending.poll();
  }

  private Telemetry reading(Device device, Instant at) {
    long second = inCycle(at);
    Map<String, Double> metrics = new LinkedHashMap<>();
    switch (device.type()) {
      case AIR_QUALITY -> {
        boolean smog = device.deviceId().equals(SMOGGY) && SMOG.contains(second);
        metrics.put("pm25", round(smog ? 38 + jitter(3) : 12 + jitter(2)));
        metrics.put("pm10", round(22 + jitter(3)));
        metrics.put("no2", round(31 + jitter(4)));
        metrics.put("temperatureC", round(9 + jitter(0.4)));
        metrics.put("humidityPct", round(78 + jitter(3)));
      }
      case WEATHER -> {
        metrics.put("temperatureC", temperature(device.deviceId(), second));
        metrics.put("humidityPct", round(76 + jitter(3)));
        metrics.put("pressureHpa", round(1013 + jitter(1)));
      }
      case NOISE -> {
        boolean spike = device.deviceId().equals(SPIKY) && SPIKE.contains(second);
        metrics.put("noiseDb", round(spike ? 104 : 55 + jitter(3)));
      }
      case TRAFFIC -> {
        boolean jam = device.zone().equals(JAMMED_SEGMENT) && JAM.contains(second);
        metrics.put("vehicleCount", (double) Math.round(jam ? 9 + jitter(1) : 6 + jitter(1)));
        metrics.put("avgSpeedKmh", round(jam ? 22 + jitter(3) : 68 + jitter(5)));
      }
    }
    metrics.put("batteryPct", battery(at));
    // Unique per device across runs, so a restarted demo's readings never look like redeliveries.
    long sequence = at.toEpochMilli() / TICK.toMillis();
    return new Telemetry(device.deviceId(), at, metrics, sequence);
  }

  /** A frozen sensor repeats the value it had when it froze, to the last digit. */
  private double temperature(String deviceId, long second) {
    if (deviceId.equals(FROZEN) && FREEZE.contains(second)) {
      return frozenAt.computeIfAbsent(deviceId, id -> round(11 + jitter(0.3)));
    }
    frozenAt.remove(deviceId);
    return round(11 + jitter(0.3));
  }

  /** Slowly draining, from 95 % at the start. */
  private double battery(Instant at) {
    return round(Math.max(5, 95 - Duration.between(start, at).toMinutes() * 0.01));
  }

  private long inCycle(Instant at) {
    return Duration.between(start, at).toSeconds() % CYCLE.toSeconds();
  }

  private double jitter(double amplitude) {
    return (noise.nextDouble() * 2 - 1) * amplitude;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static Device device(
      String id, String zone, DeviceType type, int interval, Map<String, Threshold> thresholds) {
    return new Device(id, zone, type, null, interval, thresholds);
  }

  /** Seconds into the cycle, start included, end excluded. */
  private record Window(long from, long until) {
    boolean contains(long second) {
      return second >= from && second < until;
    }
  }
}
