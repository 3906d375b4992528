package dev.vigil.recommendation.api;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.Trending;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.ranking.Catalogue;
import dev.vigil.recommendation.ranking.Recommender;
import dev.vigil.recommendation.shopper.ShopperProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A shopper's recommendations, answered by whichever instance holds the shopper. */
@RestController
class UserRecommendationsController {

  private final InteractiveQueries queries;
  private final Recommender recommender;

  UserRecommendationsController(InteractiveQueries queries, RecommendationProperties properties) {
    this.queries = queries;
    this.recommender = new Recommender(properties);
  }

  @GetMapping("/users/{id}/recommendations")
  UserRecommendations recommendations(@PathVariable String id, HttpServletRequest request) {
    String userId = requireId(id, "user id");
    return queries.routed(
        RecommendationStores.SHOPPERS,
        userId,
        request,
        UserRecommendations.class,
        () -> local(userId));
  }

  private UserRecommendations local(String userId) {
    ShopperProfile shopper =
        queries.<ShopperProfile>localStore(RecommendationStores.SHOPPERS).get(userId);
    Catalogue catalogue = LocalCatalogue.of(queries);
    if (shopper != null && shopper.latest() != null) {
      Recommendations latest = shopper.latest();
      return new UserRecommendations(
          userId, false, latest.eventId(), latest.eventTime(), current(latest, catalogue));
    }
    return new UserRecommendations(userId, true, null, null, coldStart(shopper, catalogue));
  }

  /** The list as the catalogue is now: product updates apply to it at once. */
  private static List<Recommendation> current(Recommendations latest, Catalogue catalogue) {
    return latest.items().stream()
        .map(
            item -> {
              Product product = catalogue.product(item.productId());
              if (product == null || !product.inStock()) {
                return null;
              }
              return new Recommendation(
                  item.productId(),
                  product.name(),
                  product.category(),
                  product.price(),
                  item.score(),
                  item.basis(),
                  item.because(),
                  item.reason());
            })
        .filter(Objects::nonNull)
        .toList();
  }

  /**
   * The shop's trending products, as of the newest trending window: what a new shopper's first list
   * is made of, without reference to any wall clock.
   */
  private List<Recommendation> coldStart(ShopperProfile shopper, Catalogue catalogue) {
    return catalogue.trendingEverywhere().stream()
        .map(Trending::windowEnd)
        .max(Instant::compareTo)
        .map(
            now ->
                recommender.rank(
                    shopper == null ? ShopperProfile.NEW : shopper, null, now, catalogue))
        .orElse(List.of());
  }
}
