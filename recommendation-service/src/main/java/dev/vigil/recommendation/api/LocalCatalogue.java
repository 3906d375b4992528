package dev.vigil.recommendation.api;

import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.Trending;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.ranking.Catalogue;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The catalogue from this instance's copies of the global tables. */
final class LocalCatalogue {

  private LocalCatalogue() {}

  static Catalogue of(InteractiveQueries queries) {
    ReadOnlyKeyValueStore<String, Product> products =
        queries.localStore(RecommendationStores.PRODUCTS);
    ReadOnlyKeyValueStore<String, RelatedProducts> related =
        queries.localStore(RecommendationStores.RELATED);
    ReadOnlyKeyValueStore<String, Trending> trending =
        queries.localStore(RecommendationStores.TRENDING);
    return new Catalogue(
        products::get,
        related::get,
        trending::get,
        () -> {
          List<Trending> all = new ArrayList<>();
          try (KeyValueIterator<String, Trending> it = trending.all()) {
            it.forEachRemaining(e -> all.add(e.value));
          }
          return all;
        });
  }
}
