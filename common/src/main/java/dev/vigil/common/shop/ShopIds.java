package dev.vigil.common.shop;

import static dev.vigil.common.event.Checks.text;

import dev.vigil.common.event.InvalidEventException;
import java.util.regex.Pattern;

/**
 * Ids of the shop domain. Users and products are named in the recommendation API's paths, so their
 * ids follow the paths' rule; every id is at most 64 characters, which bounds what a service keeps
 * per shopper and product.
 */
final class ShopIds {

  static final int MAX_LENGTH = 64;
  private static final Pattern PATH_ID = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_LENGTH + "}");

  private ShopIds() {}

  /** A user or product id: 1-64 letters, digits or {@code . _ : @ -}. */
  static String pathId(String value, String field) {
    if (!PATH_ID.matcher(text(value, field)).matches()) {
      throw new InvalidEventException(
          field + " must be 1-64 letters, digits or . _ : @ - characters");
    }
    return value;
  }

  /** Any other id: non-blank, at most 64 characters. */
  static String shortId(String value, String field) {
    if (text(value, field).length() > MAX_LENGTH) {
      throw new InvalidEventException(field + " must be at most 64 characters");
    }
    return value;
  }
}
