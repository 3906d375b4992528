package dev.vigil.recommendation.api;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.ranking.Catalogue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a product is related to, from the learning's own state: answered by whichever instance
 * learns about the product, so it is never behind the published {@code shop.related}.
 */
@RestController
class RelatedProductsController {

  private final InteractiveQueries queries;

  RelatedProductsController(InteractiveQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/products/{id}/related")
  RelatedView related(@PathVariable String id, HttpServletRequest request) {
    String productId = requireId(id, "product id");
    return queries.routed(
        RecommendationStores.PRODUCT_NEIGHBOURS,
        productId,
        request,
        RelatedView.class,
        () -> local(productId));
  }

  private RelatedView local(String productId) {
    RelatedProducts learned =
        queries.<RelatedProducts>localStore(RecommendationStores.PRODUCT_NEIGHBOURS).get(productId);
    Catalogue catalogue = LocalCatalogue.of(queries);
    Product product = catalogue.product(productId);
    if (learned == null && product == null) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "product " + productId + " is unknown");
    }
    List<RelatedView.Item> related =
        learned == null
            ? List.of()
            : learned.related().stream()
                .map(
                    r ->
                        new RelatedView.Item(
                            r.productId(),
                            view(catalogue.product(r.productId())),
                            round(r.score()),
                            round(r.boughtScore())))
                .toList();
    return new RelatedView(
        productId, view(product), learned == null ? null : learned.asOf(), related);
  }

  private static RelatedView.ProductView view(Product product) {
    return product == null
        ? null
        : new RelatedView.ProductView(
            product.name(), product.category(), product.price(), product.inStock());
  }

  private static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
