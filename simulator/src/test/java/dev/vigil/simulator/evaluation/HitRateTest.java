package dev.vigil.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.RecommendationBasis;
import dev.vigil.common.shop.Recommendations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HitRateTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private int ids;

  @Test
  void shouldScoreTheListShownBeforeTheShopperFirstTouchedTheProduct() {
    List<Activity> activity =
        List.of(
            purchase("someone", "laptop", T0),
            view("ann", "phone", T0.plusSeconds(10)),
            view("ann", "bag", T0.plusSeconds(20)),
            purchase("ann", "bag", T0.plusSeconds(30)));
    // The list after ann touched the bag no longer has it: the one before does.
    List<Recommendations> lists =
        List.of(
            list("ann", T0.plusSeconds(10), "bag", "case"),
            list("ann", T0.plusSeconds(20), "case"));

    HitRate.Result result = HitRate.evaluate(activity, lists);

    assertThat(result.purchases()).isEqualTo(1);
    assertThat(result.vigil()).isEqualTo(1.0);
    assertThat(result.popularity()).isEqualTo(0.0);
  }

  @Test
  void shouldNotScorePurchasesBeforeTheShoppersFirstListAndCountDuplicatesOnce() {
    Activity bought = purchase("ann", "bag", T0.plusSeconds(5));
    List<Activity> activity = List.of(purchase("bob", "bag", T0), bought, bought);

    HitRate.Result result = HitRate.evaluate(activity, List.of(list("bob", T0, "bag")));

    assertThat(result.purchases()).isZero();
    assertThat(result.vigil()).isNull();
  }

  @Test
  void shouldGiveTheBaselineTheMostBoughtProductsTheShopperDoesNotOwn() {
    List<Activity> activity =
        List.of(
            purchase("bob", "bag", T0),
            purchase("cy", "bag", T0.plusSeconds(1)),
            view("ann", "bag", T0.plusSeconds(10)),
            purchase("ann", "bag", T0.plusSeconds(11)));

    HitRate.Result result =
        HitRate.evaluate(activity, List.of(list("ann", T0.plusSeconds(5), "phone")));

    assertThat(result.vigil()).isEqualTo(0.0);
    assertThat(result.popularity()).isEqualTo(1.0);
  }

  private Activity view(String user, String product, Instant at) {
    return activity(user, ActivityType.VIEW, product, at);
  }

  private Activity purchase(String user, String product, Instant at) {
    return activity(user, ActivityType.PURCHASE, product, at);
  }

  private Activity activity(String user, ActivityType type, String product, Instant at) {
    return new Activity("ev-" + ++ids, user, user + "-s", type, product, 1, BigDecimal.ONE, at);
  }

  private static Recommendations list(String user, Instant at, String... products) {
    return new Recommendations(
        user,
        "ev-list-" + at.getEpochSecond(),
        ActivityType.VIEW,
        "trigger",
        java.util.Arrays.stream(products)
            .map(
                p ->
                    new Recommendation(
                        p, p, "c", BigDecimal.ONE, 1.0, RecommendationBasis.TRENDING, null, "r"))
            .toList(),
        at);
  }
}
