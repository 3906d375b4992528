package dev.vigil.recommendation.affinity;

import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.RelatedProducts.RelatedProduct;
import dev.vigil.common.testing.GoldenFiles;
import dev.vigil.recommendation.affinity.AffinityUpdate.Contribution;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffinityFormatTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

  private static final AffinityUpdate UPDATE =
      new AffinityUpdate(
          List.of(new Contribution("laptop-bag", 4, 5), new Contribution("wireless-mouse", 1, 0)),
          NOON);

  private static final RelatedProducts NEIGHBOURS =
      new RelatedProducts(
          "laptop-pro-14",
          NOON,
          List.of(
              new RelatedProduct("laptop-bag", 12.5, 10),
              new RelatedProduct("wireless-mouse", 3.25, 0)));

  @Test
  void shouldReadTheUpdatesTheFirstBinaryFormatWrote() {
    GoldenFiles.assertReadsBinary("AffinityUpdate", AffinityUpdate.SERDE, UPDATE);
  }

  @Test
  void shouldReadTheUpdatesEarlierReleasesRepartitionedInJson() {
    GoldenFiles.assertReadsJson("AffinityUpdate", AffinityUpdate.SERDE, UPDATE);
  }

  @Test
  void shouldReadTheNeighboursTheFirstBinaryFormatWrote() {
    GoldenFiles.assertReadsBinary("RelatedProducts", AffinityLearning.NEIGHBOURS_SERDE, NEIGHBOURS);
  }
}
