package dev.vigil.common.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.common.event.InvalidEventException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProductTest {

  private static final BigDecimal PRICE = new BigDecimal("999.00");

  @Test
  void shouldTreatMissingTagsAsNone() {
    Product laptop = new Product("laptop-1", "Laptop Pro 14", "laptops", PRICE, true, null);

    assertThat(laptop.tags()).isEmpty();
    assertThat(laptop.hasTag("consumable")).isFalse();
  }

  static Stream<Arguments> invalidProducts() {
    return Stream.of(
        arguments(
            "productId with a space",
            (Runnable) () -> new Product("p 1", "Laptop", "laptops", PRICE, true, null),
            "productId must be 1-64 letters, digits or . _ : @ - characters"),
        arguments(
            "blank name",
            (Runnable) () -> new Product("p-1", " ", "laptops", PRICE, true, null),
            "name must not be blank"),
        arguments(
            "category with spaces",
            (Runnable) () -> new Product("p-1", "Laptop", "Home & Kitchen", PRICE, true, null),
            "category must be 1-64 lower-case letters, digits or dashes, such as laptops"),
        arguments(
            "missing category",
            (Runnable) () -> new Product("p-1", "Laptop", null, PRICE, true, null),
            "category is required"),
        arguments(
            "negative price",
            (Runnable)
                () -> new Product("p-1", "Laptop", "laptops", new BigDecimal("-1"), true, null),
            "price must be between 0 and 10000000"),
        arguments(
            "missing stock flag",
            (Runnable) () -> new Product("p-1", "Laptop", "laptops", PRICE, null, null),
            "inStock is required"),
        arguments(
            "blank tag",
            (Runnable) () -> new Product("p-1", "Laptop", "laptops", PRICE, true, List.of(" ")),
            "tags[] must not be blank"),
        arguments(
            "too many tags",
            (Runnable)
                () ->
                    new Product(
                        "p-1", "Laptop", "laptops", PRICE, true, Collections.nCopies(33, "tag")),
            "tags must be at most 32"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidProducts")
  void shouldRejectAProductThatBreaksARule(String rule, Runnable create, String message) {
    assertThatThrownBy(create::run).isInstanceOf(InvalidEventException.class).hasMessage(message);
  }
}
