package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VitalsVerifierTest {

  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant NINE_ONE = Instant.parse("2026-03-02T09:01:00Z");
  private static final Instant NINE_TWO = Instant.parse("2026-03-02T09:02:00Z");

  private final VitalsVerifier verifier = new VitalsVerifier();

  /** A complete reading; only the respiration rate and temperature vary. */
  private static SentRecord reading(String id, Instant at, int respiration, double temperature) {
    String json =
        ("{\"readingId\":\"%s\",\"patientId\":\"p-01\",\"respirationRate\":%d,\"spo2\":97,"
                + "\"supplementalOxygen\":false,\"systolicBloodPressure\":120,\"pulse\":70,"
                + "\"consciousness\":\"ALERT\",\"temperature\":%s,\"eventTime\":\"%s\"}")
            .formatted(id, respiration, temperature, at);
    return new SentRecord(
        new InputRecord(VitalsVerifier.READINGS, "p-01", json.getBytes(StandardCharsets.UTF_8), at),
        0);
  }

  private static OutputRecord score(Instant at, int aggregate, long offset) {
    return new OutputRecord(
        VitalsVerifier.SCORES,
        "p-01",
        "{\"patientId\":\"p-01\",\"aggregate\":%d,\"eventTime\":\"%s\"}".formatted(aggregate, at),
        0,
        offset);
  }

  private Verification verify(List<SentRecord> input, OutputRecord... scores) {
    return verifier.verify(input, Map.of(VitalsVerifier.SCORES, List.of(scores)));
  }

  @Test
  void shouldExpectAScoreOnlyWhenASubScoreChanges() {
    List<SentRecord> readings =
        List.of(
            reading("r-1", NINE, 16, 36.8),
            reading("r-2", NINE_ONE, 17, 36.9),
            reading("r-3", NINE_TWO, 22, 38.5));

    Verification result = verify(readings, score(NINE, 0, 0), score(NINE_TWO, 3, 1));

    assertThat(result.passed()).isTrue();
    assertThat(result.expected()).isEqualTo(2);
  }

  @Test
  void shouldFindAMissingAWrongAndAnUnexpectedScore() {
    List<SentRecord> readings =
        List.of(
            reading("r-1", NINE, 16, 36.8),
            reading("r-2", NINE_ONE, 17, 36.9),
            reading("r-3", NINE_TWO, 22, 38.5));

    Verification result = verify(readings, score(NINE, 1, 0), score(NINE_ONE, 0, 1));

    assertThat(result.missing()).isEqualTo(1);
    assertThat(result.wrong()).isEqualTo(2);
  }

  @Test
  void shouldCountARedeliveredReadingOnce() {
    List<SentRecord> readings =
        List.of(reading("r-1", NINE, 26, 39.2), reading("r-1", NINE, 26, 39.2));

    Verification result = verify(readings, score(NINE, 5, 0), score(NINE, 5, 1));

    assertThat(result.expected()).isEqualTo(1);
    assertThat(result.duplicated()).isEqualTo(1);
  }
}
