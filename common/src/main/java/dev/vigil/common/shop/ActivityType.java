package dev.vigil.common.shop;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.vigil.common.event.InvalidEventException;
import java.util.Arrays;

/** What a shopper did with a product. */
public enum ActivityType {
  VIEW,
  ADD_TO_CART,
  REMOVE_FROM_CART,
  PURCHASE;

  private static final String NAMES = Arrays.toString(values());

  /**
   * Parses the JSON name; an unknown one is a broken event, not a parse error, so it becomes a
   * {@code validation} dead letter whose message lists the types there are.
   */
  @JsonCreator
  public static ActivityType of(String name) {
    for (ActivityType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new InvalidEventException("type must be one of " + NAMES);
  }
}
