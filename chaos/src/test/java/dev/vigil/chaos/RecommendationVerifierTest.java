package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecommendationVerifierTest {

  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant NINE_ONE = Instant.parse("2026-03-02T09:01:00Z");

  private final RecommendationVerifier verifier = new RecommendationVerifier();

  private static SentRecord product(String productId) {
    String json =
        "{\"productId\":\"%s\",\"name\":\"%s\",\"category\":\"laptops\",\"price\":10.0,\"inStock\":true}"
            .formatted(productId, productId);
    return sent(RecommendationVerifier.PRODUCTS, productId, json, NINE);
  }

  private static SentRecord activity(String eventId, String type, String productId, Instant at) {
    return activity(eventId, "u-1", type, productId, at);
  }

  private static SentRecord activity(
      String eventId, String userId, String type, String productId, Instant at) {
    String json =
        ("{\"eventId\":\"%s\",\"userId\":\"%s\",\"sessionId\":\"%s-s\",\"type\":\"%s\","
                + "\"productId\":\"%s\",\"eventTime\":\"%s\"}")
            .formatted(eventId, userId, userId, type, productId, at);
    return sent(RecommendationVerifier.ACTIVITY, userId, json, at);
  }

  private static SentRecord sent(String topic, String key, String json, Instant at) {
    return new SentRecord(
        new InputRecord(topic, key, json.getBytes(StandardCharsets.UTF_8), at), 0);
  }

  /** Viewing two products in one session relates them by a view each way. */
  private static final List<SentRecord> TWO_VIEWS =
      List.of(
          product("laptop"),
          product("bag"),
          activity("ev-1", "VIEW", "laptop", NINE),
          activity("ev-2", "VIEW", "bag", NINE_ONE));

  private static OutputRecord related(String productId, String other, double score, long offset) {
    return new OutputRecord(
        RecommendationVerifier.RELATED,
        productId,
        ("{\"productId\":\"%s\",\"asOf\":\"%s\",\"related\":"
                + "[{\"productId\":\"%s\",\"score\":%s,\"boughtScore\":0.0}]}")
            .formatted(productId, NINE_ONE, other, score),
        0,
        offset);
  }

  private static OutputRecord list(String eventId, String productId, long offset) {
    return new OutputRecord(
        RecommendationVerifier.RECOMMENDATIONS,
        "u-1",
        ("{\"userId\":\"u-1\",\"eventId\":\"%s\",\"trigger\":\"VIEW\",\"productId\":\"%s\","
                + "\"items\":[{\"productId\":\"laptop\",\"score\":1.0}]}")
            .formatted(eventId, productId),
        0,
        offset);
  }

  /** A laptops window's list, with the laptop's score as given and the bag's 1. */
  private static OutputRecord trending(Instant start, double laptop, long offset) {
    return new OutputRecord(
        RecommendationVerifier.TRENDING,
        "laptops",
        ("{\"category\":\"laptops\",\"windowStart\":\"%s\",\"windowEnd\":\"%s\",\"products\":"
                + "[{\"productId\":\"laptop\",\"rank\":1,\"score\":%s},"
                + "{\"productId\":\"bag\",\"rank\":2,\"score\":1.0}]}")
            .formatted(start, start.plus(Duration.ofHours(1)), laptop),
        0,
        offset);
  }

  /** The hopping windows (an hour, every five minutes) holding 09:00 and 09:01. */
  private static final List<Instant> WINDOWS_AT_NINE =
      IntStream.range(0, 12)
          .mapToObj(i -> NINE.minus(Duration.ofMinutes(5L * i)))
          .sorted()
          .toList();

  private Verification verify(
      List<SentRecord> input, List<OutputRecord> related, List<OutputRecord> lists) {
    return verify(input, related, lists, List.of());
  }

  private Verification verify(
      List<SentRecord> input,
      List<OutputRecord> related,
      List<OutputRecord> lists,
      List<OutputRecord> trending) {
    return verifier.verify(
        input,
        Map.of(
            RecommendationVerifier.RELATED,
            related,
            RecommendationVerifier.RECOMMENDATIONS,
            lists,
            RecommendationVerifier.TRENDING,
            trending));
  }

  @Test
  void shouldPassWhenTheLearnedNeighboursAreTheRecomputedOnes() {
    Verification result =
        verify(
            TWO_VIEWS,
            List.of(
                related("laptop", "bag", 0.5, 0),
                related("laptop", "bag", 1.0, 1),
                related("bag", "laptop", 1.0, 2)),
            List.of(list("ev-2", "bag", 0)));

    assertThat(result.examples()).isEmpty();
    assertThat(result.passed()).isTrue();
    assertThat(result.expected()).isEqualTo(3);
  }

  @Test
  void shouldCountAPairLearnedTwiceAsDuplicateAndOneNeverLearnedAsMissing() {
    Verification result = verify(TWO_VIEWS, List.of(related("laptop", "bag", 2.0, 0)), List.of());

    assertThat(result.duplicated()).isEqualTo(1);
    assertThat(result.missing()).isEqualTo(1);
    assertThat(result.examples()).contains("missing neighbours of bag");
  }

  @Test
  void shouldCountASecondListForOneActivityAsDuplicateAndAnUnattributableOneAsWrong() {
    Verification result =
        verify(
            TWO_VIEWS,
            List.of(related("laptop", "bag", 1.0, 0), related("bag", "laptop", 1.0, 1)),
            List.of(list("ev-2", "bag", 0), list("ev-2", "bag", 1), list("ev-2", "laptop", 2)));

    assertThat(result.duplicated()).isEqualTo(2);
    assertThat(result.wrong()).isEqualTo(1);
  }

  @Test
  void shouldExpectEachClosedTrendingWindowOnceWithTheRecomputedScores() {
    List<SentRecord> input = new ArrayList<>(TWO_VIEWS);
    // Another shopper's view an hour later closes the windows of 09:00 and teaches no pair.
    input.add(activity("ev-3", "u-2", "VIEW", "laptop", NINE.plus(Duration.ofMinutes(70))));
    List<OutputRecord> related =
        List.of(related("laptop", "bag", 1.0, 0), related("bag", "laptop", 1.0, 1));
    List<OutputRecord> complete = new ArrayList<>();
    WINDOWS_AT_NINE.forEach(start -> complete.add(trending(start, 1.0, complete.size())));
    List<OutputRecord> faulty = new ArrayList<>(complete.subList(1, complete.size()));
    faulty.add(trending(WINDOWS_AT_NINE.get(1), 1.0, 12));
    faulty.set(2, trending(WINDOWS_AT_NINE.get(3), 2.0, 3));

    Verification passing = verify(input, related, List.of(), complete);
    Verification failing = verify(input, related, List.of(), faulty);

    assertThat(passing.examples()).isEmpty();
    assertThat(passing.expected()).isEqualTo(2 + 12);
    assertThat(failing.missing()).isEqualTo(1);
    assertThat(failing.duplicated()).isEqualTo(1);
    assertThat(failing.wrong()).isEqualTo(1);
  }
}
