package dev.vigil.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * IoT: every closed one-minute window of every device and metric on {@code iot.aggregates} exactly
 * once, with the count, minimum, maximum, mean and population standard deviation recomputed here
 * from the readings sent.
 *
 * <p>A window closes when its partition's stream time passes its end plus the grace period. Stream
 * time is the newest reading time the partition has seen, which the verifier knows from where each
 * reading landed. Windows must be there once their partition is a minute further still (how far
 * exactly the service needs it to be is its business); windows still closing may be there, but then
 * once and right.
 */
final class IotVerifier implements Verifier {

  static final String TELEMETRY = "iot.telemetry";
  static final String AGGREGATES = "iot.aggregates";

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final double TOLERANCE = 1e-6;

  /** One device's metric in one minute. */
  private record WindowKey(String deviceId, String metric, Instant start) {
    @Override
    public String toString() {
      return deviceId + "/" + metric + "@" + start;
    }
  }

  @Override
  public List<String> outputTopics() {
    return List.of(AGGREGATES);
  }

  @Override
  public Verification verify(List<SentRecord> input, Map<String, List<OutputRecord>> outputs) {
    Map<WindowKey, List<Double>> readings = new TreeMap<>(IotVerifier::compare);
    Map<WindowKey, Integer> partitionOf = new HashMap<>();
    Map<Integer, Instant> streamTime = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (SentRecord sent : input) {
      if (!sent.record().topic().equals(TELEMETRY)) {
        continue;
      }
      JsonNode reading = Json.parse(sent.record().value());
      String deviceId = reading.path("deviceId").asString();
      Instant time = Instant.parse(reading.path("eventTime").asString());
      streamTime.merge(sent.partition(), time, (a, b) -> a.isAfter(b) ? a : b);
      String id =
          deviceId
              + "/"
              + (reading.hasNonNull("sequence") ? reading.path("sequence").asString() : time);
      if (!seen.add(id)) {
        continue;
      }
      Instant start =
          Instant.ofEpochMilli(time.toEpochMilli() / WINDOW.toMillis() * WINDOW.toMillis());
      for (Map.Entry<String, JsonNode> metric : reading.path("metrics").properties()) {
        WindowKey key = new WindowKey(deviceId, metric.getKey(), start);
        readings.computeIfAbsent(key, k -> new ArrayList<>()).add(metric.getValue().asDouble());
        partitionOf.put(key, sent.partition());
      }
    }

    Map<WindowKey, List<JsonNode>> found = new HashMap<>();
    List<OutputRecord> aggregates = outputs.getOrDefault(AGGREGATES, List.of());
    for (OutputRecord output : aggregates) {
      JsonNode aggregate = Json.parse(output.value());
      WindowKey key =
          new WindowKey(
              aggregate.path("deviceId").asString(),
              aggregate.path("metric").asString(),
              Instant.parse(aggregate.path("windowStart").asString()));
      found.computeIfAbsent(key, k -> new ArrayList<>()).add(aggregate);
    }

    Verification.Tally tally = new Verification.Tally();
    tally.outputs(aggregates.size());
    readings.forEach(
        (key, values) -> {
          Instant partitionTime = streamTime.get(partitionOf.get(key));
          Instant closes = key.start().plus(WINDOW).plus(GRACE);
          boolean mustBeThere = !closes.plus(WINDOW).isAfter(partitionTime);
          List<JsonNode> emitted = found.getOrDefault(key, List.of());
          if (mustBeThere) {
            tally.expected(1);
            if (emitted.isEmpty()) {
              tally.missing("aggregate " + key);
            }
          } else if (!emitted.isEmpty()) {
            tally.expected(1);
          }
          if (emitted.size() > 1) {
            tally.duplicated(emitted.size() - 1, emitted.size() + " aggregates for " + key);
          }
          if (!emitted.isEmpty() && !matches(emitted.get(0), values)) {
            tally.wrong(key + ": " + emitted.get(0) + ", recomputed from " + values);
          }
        });
    found.keySet().stream()
        .filter(key -> !readings.containsKey(key))
        .forEach(key -> tally.wrong("aggregate without readings " + key));
    return tally.result();
  }

  private static boolean matches(JsonNode aggregate, List<Double> values) {
    double min = values.stream().mapToDouble(v -> v).min().orElseThrow();
    double max = values.stream().mapToDouble(v -> v).max().orElseThrow();
    double mean = values.stream().mapToDouble(v -> v).sum() / values.size();
    double variance =
        values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
    return aggregate.path("count").asLong() == values.size()
        && close(aggregate.path("min").asDouble(), min)
        && close(aggregate.path("max").asDouble(), max)
        && close(aggregate.path("mean").asDouble(), mean)
        && close(aggregate.path("stdDev").asDouble(), Math.sqrt(variance));
  }

  private static boolean close(double actual, double expected) {
    return Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
  }

  private static int compare(WindowKey a, WindowKey b) {
    int byDevice = a.deviceId().compareTo(b.deviceId());
    if (byDevice != 0) {
      return byDevice;
    }
    int byStart = a.start().compareTo(b.start());
    return byStart != 0 ? byStart : a.metric().compareTo(b.metric());
  }
}
