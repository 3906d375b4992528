package dev.vigil.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    String json =
        ("{\"eventId\":\"%s\",\"userId\":\"u-1\",\"sessionId\":\"s-1\",\"type\":\"%s\","
                + "\"productId\":\"%s\",\"eventTime\":\"%s\"}")
            .formatted(eventId, type, productId, at);
    return sent(RecommendationVerifier.ACTIVITY, "u-1", json, at);
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

  private Verification verify(
      List<SentRecord> input, List<OutputRecord> related, List<OutputRecord> lists) {
    return verifier.verify(
        input,
        Map.of(
            RecommendationVerifier.RELATED,
            related,
            RecommendationVerifier.RECOMMENDATIONS,
            lists));
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
}
