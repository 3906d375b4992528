package dev.vigil.common.shop;

import static dev.vigil.common.event.Checks.required;
import static dev.vigil.common.event.Checks.text;

import dev.vigil.common.event.InvalidEventException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A product of the catalogue, keyed by product id on the compacted {@code shop.products}. {@code
 * price} is in the shop's currency; {@code category} is a slug such as {@code laptops}, so that it
 * can appear in a URL; {@code tags} may be absent.
 */
public record Product(
    String productId,
    String name,
    String category,
    BigDecimal price,
    Boolean inStock,
    List<String> tags) {

  public static final int MAX_TAGS = 32;
  private static final BigDecimal MAX_PRICE = new BigDecimal("10000000");
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public Product {
    ShopIds.pathId(productId, "productId");
    text(name, "name");
    if (!CATEGORY.matcher(required(category, "category")).matches()) {
      throw new InvalidEventException(
          "category must be 1-64 lower-case letters, digits or dashes, such as laptops");
    }
    if (required(price, "price").signum() < 0 || price.compareTo(MAX_PRICE) > 0) {
      throw new InvalidEventException("price must be between 0 and " + MAX_PRICE);
    }
    required(inStock, "inStock");
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (tags.size() > MAX_TAGS) {
      throw new InvalidEventException("tags must be at most " + MAX_TAGS);
    }
    tags.forEach(tag -> text(tag, "tags[]"));
  }

  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }
}
