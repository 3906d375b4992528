package dev.vigil.recommendation.ranking;

import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.Trending;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What ranking reads besides the shopper: the products, what each is related to, and what is
 * trending. All three are global tables, so every instance has all of them whichever shoppers it
 * serves; a lookup returns {@code null} for an unknown key.
 */
public record Catalogue(
    Function<String, Product> products,
    Function<String, RelatedProducts> related,
    Function<String, Trending> trending,
    Supplier<List<Trending>> allTrending) {

  public Product product(String productId) {
    return products.apply(productId);
  }

  public RelatedProducts relatedTo(String productId) {
    return related.apply(productId);
  }

  public Trending trendingIn(String category) {
    return trending.apply(category);
  }

  public List<Trending> trendingEverywhere() {
    return allTrending.get();
  }

  /**
   * This catalogue with every answer remembered: for one ranking, which looks the same products up
   * several times and should see one consistent catalogue.
   */
  public Catalogue memoized() {
    Map<String, Optional<Product>> knownProducts = new HashMap<>();
    Map<String, Optional<RelatedProducts>> knownRelated = new HashMap<>();
    Map<String, Optional<Trending>> knownTrending = new HashMap<>();
    List<List<Trending>> everywhere = new ArrayList<>(1);
    return new Catalogue(
        id -> knownProducts.computeIfAbsent(id, k -> Optional.ofNullable(product(k))).orElse(null),
        id -> knownRelated.computeIfAbsent(id, k -> Optional.ofNullable(relatedTo(k))).orElse(null),
        c -> knownTrending.computeIfAbsent(c, k -> Optional.ofNullable(trendingIn(k))).orElse(null),
        () -> {
          if (everywhere.isEmpty()) {
            everywhere.add(trendingEverywhere());
          }
          return everywhere.get(0);
        });
  }
}
