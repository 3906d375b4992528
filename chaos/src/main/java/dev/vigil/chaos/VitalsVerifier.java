package dev.vigil.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Vitals: each patient's sequence of NEWS2 scores on {@code vitals.scores}, recomputed here from
 * the readings with the Royal College of Physicians' NEWS2 chart (2017). The service sends a score
 * whenever a reading changes any parameter's sub-score; so every such reading must have exactly one
 * score, dated with its event time, with the recomputed aggregate, and no other reading any.
 *
 * <p>Assumes what the workload guarantees: every reading carries all seven parameters, so no value
 * is ever stale and no score partial.
 */
final class VitalsVerifier implements Verifier {

  static final String PATIENTS = "vitals.patients";
  static final String READINGS = "vitals.readings";
  static final String SCORES = "vitals.scores";

  @Override
  public List<String> outputTopics() {
    return List.of(SCORES);
  }

  @Override
  public Verification verify(List<SentRecord> input, Map<String, List<OutputRecord>> outputs) {
    Map<String, Integer> scale = new HashMap<>();
    Map<String, List<Integer>> previous = new HashMap<>();
    Map<String, Integer> expected = new LinkedHashMap<>();
    Set<String> readingIds = new HashSet<>();
    for (SentRecord sent : input) {
      JsonNode value = Json.parse(sent.record().value());
      if (sent.record().topic().equals(PATIENTS)) {
        scale.put(sent.record().key(), value.path("spo2Scale").asInt(1));
      } else if (sent.record().topic().equals(READINGS)
          && readingIds.add(value.path("readingId").asString())) {
        String patient = value.path("patientId").asString();
        List<Integer> sub = subScores(value, scale.getOrDefault(patient, 1));
        if (!sub.equals(previous.put(patient, sub))) {
          expected.put(
              patient + "@" + value.path("eventTime").asString(),
              sub.stream().mapToInt(Integer::intValue).sum());
        }
      }
    }
    Map<String, List<Integer>> found = new HashMap<>();
    List<OutputRecord> scores = outputs.getOrDefault(SCORES, List.of());
    for (OutputRecord output : scores) {
      JsonNode score = Json.parse(output.value());
      found
          .computeIfAbsent(
              score.path("patientId").asString() + "@" + score.path("eventTime").asString(),
              k -> new ArrayList<>())
          .add(score.path("aggregate").asInt());
    }
    Verification.Tally tally = new Verification.Tally();
    tally.expected(expected.size());
    tally.outputs(scores.size());
    expected.forEach(
        (key, aggregate) -> {
          List<Integer> emitted = found.getOrDefault(key, List.of());
          if (emitted.isEmpty()) {
            tally.missing("score " + key);
          } else if (emitted.size() > 1) {
            tally.duplicated(emitted.size() - 1, emitted.size() + " scores for " + key);
          }
          if (!emitted.isEmpty() && emitted.get(0).intValue() != aggregate) {
            tally.wrong("score " + key + " " + emitted.get(0) + ", recomputed " + aggregate);
          }
        });
    found.keySet().stream()
        .filter(key -> !expected.containsKey(key))
        .forEach(key -> tally.wrong("score for a reading that changed nothing " + key));
    return tally.result();
  }

  /** The seven sub-scores of a complete reading, in the chart's order. */
  static List<Integer> subScores(JsonNode reading, int spo2Scale) {
    boolean oxygen = reading.path("supplementalOxygen").asBoolean(false);
    return List.of(
        respiration(Math.round(reading.path("respirationRate").asDouble())),
        spo2Scale == 2
            ? spo2Scale2(Math.round(reading.path("spo2").asDouble()), oxygen)
            : spo2Scale1(Math.round(reading.path("spo2").asDouble())),
        oxygen ? 2 : 0,
        systolic(Math.round(reading.path("systolicBloodPressure").asDouble())),
        pulse(Math.round(reading.path("pulse").asDouble())),
        "ALERT".equals(reading.path("consciousness").asString()) ? 0 : 3,
        temperature(Math.round(reading.path("temperature").asDouble() * 10) / 10.0));
  }

  private static int respiration(long perMinute) {
    if (perMinute <= 8) return 3;
    if (perMinute <= 11) return 1;
    if (perMinute <= 20) return 0;
    if (perMinute <= 24) return 2;
    return 3;
  }

  private static int spo2Scale1(long percent) {
    if (percent <= 91) return 3;
    if (percent <= 93) return 2;
    if (percent <= 95) return 1;
    return 0;
  }

  private static int spo2Scale2(long percent, boolean oxygen) {
    if (percent <= 83) return 3;
    if (percent <= 85) return 2;
    if (percent <= 87) return 1;
    if (percent <= 92 || !oxygen) return 0;
    if (percent <= 94) return 1;
    if (percent <= 96) return 2;
    return 3;
  }

  private static int systolic(long mmHg) {
    if (mmHg <= 90) return 3;
    if (mmHg <= 100) return 2;
    if (mmHg <= 110) return 1;
    if (mmHg <= 219) return 0;
    return 3;
  }

  private static int pulse(long perMinute) {
    if (perMinute <= 40) return 3;
    if (perMinute <= 50) return 1;
    if (perMinute <= 90) return 0;
    if (perMinute <= 110) return 1;
    if (perMinute <= 130) return 2;
    return 3;
  }

  private static int temperature(double celsius) {
    if (celsius <= 35.0) return 3;
    if (celsius <= 36.0) return 1;
    if (celsius <= 38.0) return 0;
    if (celsius <= 39.0) return 1;
    return 2;
  }
}
