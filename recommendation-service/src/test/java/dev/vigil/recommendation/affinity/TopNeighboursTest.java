package dev.vigil.recommendation.affinity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.RelatedProducts.RelatedProduct;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.RecommendationTopologyTestBase;
import org.junit.jupiter.api.Test;

class TopNeighboursTest extends RecommendationTopologyTestBase {

  @Override
  protected RecommendationProperties properties() {
    return with("affinity.neighbours", "2");
  }

  @Test
  void shouldKeepOnlyTheStrongestNeighbours() {
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP, BAG);
    session("bob", "s1", ActivityType.ADD_TO_CART, BEGINNING, LAPTOP, MOUSE);

    session("carol", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, CASE);

    assertThat(learned(LAPTOP).related())
        .extracting(RelatedProduct::productId)
        .containsExactly(BAG, MOUSE);
  }

  @Test
  void shouldLetANewNeighbourInOnceItOutweighsTheWeakest() {
    session("alice", "s1", ActivityType.PURCHASE, BEGINNING, LAPTOP, BAG);
    session("bob", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, MOUSE);
    session("carol", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, CASE);

    session("dave", "s1", ActivityType.ADD_TO_CART, BEGINNING, LAPTOP, CASE);

    assertThat(learned(LAPTOP).related())
        .extracting(RelatedProduct::productId)
        .containsExactly(BAG, CASE);
  }
}
