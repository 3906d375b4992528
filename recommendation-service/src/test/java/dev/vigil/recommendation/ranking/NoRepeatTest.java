package dev.vigil.recommendation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With lists of two: the laptop goes most with the bag, then the mouse; the phone case goes with
 * both the laptop and the phone. Products shown in the last 30 minutes score half.
 */
class NoRepeatTest extends RecommendationTopologyTestBase {

  @Override
  protected RecommendationProperties properties() {
    return with("list-size", "2");
  }

  @BeforeEach
  void othersShopped() {
    buyTogether("alice", BEGINNING, LAPTOP, BAG, MOUSE);
    buyTogether("bob", BEGINNING, LAPTOP, BAG);
    session("carol", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, CASE);
    buyTogether("dave", BEGINNING, PHONE, BAG, CASE);
    lists();
  }

  @Test
  void shouldShowTheStrongestProductsFirst() {
    view("erin", LAPTOP, ONE_MINUTE_LATER);

    assertThat(recommendedTo("erin")).containsExactly(BAG, MOUSE);
  }

  @Test
  void shouldDemoteProductsShownRecentlySoTheNextListBringsNews() {
    view("erin", LAPTOP, ONE_MINUTE_LATER);

    view("erin", PHONE, ONE_MINUTE_LATER.plusSeconds(30));

    assertThat(recommendedTo("erin")).containsExactly(CASE, BAG);
  }

  @Test
  void shouldNotDemoteWhatWasShownLongerAgoThanTheRepeatWindow() {
    view("erin", LAPTOP, ONE_MINUTE_LATER);

    view("erin", PHONE, ONE_MINUTE_LATER.plus(Duration.ofMinutes(31)));

    assertThat(recommendedTo("erin")).containsExactly(BAG, CASE);
  }
}
