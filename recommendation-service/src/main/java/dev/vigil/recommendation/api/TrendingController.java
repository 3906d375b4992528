package dev.vigil.recommendation.api;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.common.shop.Trending;
import dev.vigil.recommendation.RecommendationStores;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A category's latest trending list, answered by whichever instance counts the category. */
@RestController
class TrendingController {

  private final InteractiveQueries queries;

  TrendingController(InteractiveQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/categories/{category}/trending")
  Trending trending(@PathVariable String category, HttpServletRequest request) {
    String id = requireId(category, "category");
    return queries.routed(
        RecommendationStores.CATEGORY_TRENDING, id, request, Trending.class, () -> local(id));
  }

  private Trending local(String category) {
    Trending trending =
        queries.<Trending>localStore(RecommendationStores.CATEGORY_TRENDING).get(category);
    if (trending == null) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no trending list for category " + category + " yet");
    }
    return trending;
  }
}
