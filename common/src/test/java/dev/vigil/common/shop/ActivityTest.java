package dev.vigil.common.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.common.event.InvalidEventException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivityTest {

  private static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");

  /** Each field of a valid purchase, as a test may change it. */
  private record Fields(
      String eventId,
      String userId,
      String sessionId,
      ActivityType type,
      String productId,
      Integer quantity,
      BigDecimal unitPrice,
      Instant eventTime) {

    static Fields valid() {
      return new Fields(
          "ev-1",
          "user-1",
          "sess-1",
          ActivityType.PURCHASE,
          "laptop-1",
          1,
          new BigDecimal("999.00"),
          NINE_AM);
    }

    Activity build() {
      return new Activity(
          eventId, userId, sessionId, type, productId, quantity, unitPrice, eventTime);
    }
  }

  @Test
  void shouldCountAViewWithoutQuantityAsOneUnit() {
    Fields view =
        new Fields("ev-1", "user-1", "sess-1", ActivityType.VIEW, "laptop-1", null, null, NINE_AM);

    assertThat(view.build().quantity()).isEqualTo(1);
  }

  static Stream<Arguments> invalidActivities() {
    return Stream.of(
        invalid(
            "missing eventId",
            f -> new Fields(null, f.userId, f.sessionId, f.type, f.productId, 1, null, NINE_AM),
            "eventId is required"),
        invalid(
            "blank userId",
            f -> new Fields(f.eventId, " ", f.sessionId, f.type, f.productId, 1, null, NINE_AM),
            "userId must not be blank"),
        invalid(
            "missing sessionId",
            f -> new Fields(f.eventId, f.userId, null, f.type, f.productId, 1, null, NINE_AM),
            "sessionId is required"),
        invalid(
            "missing type",
            f -> new Fields(f.eventId, f.userId, f.sessionId, null, f.productId, 1, null, NINE_AM),
            "type is required"),
        invalid(
            "userId with a slash",
            f -> new Fields(f.eventId, "a/b", f.sessionId, f.type, f.productId, 1, null, NINE_AM),
            "userId must be 1-64 letters, digits or . _ : @ - characters"),
        invalid(
            "productId longer than 64 characters",
            f ->
                new Fields(
                    f.eventId, f.userId, f.sessionId, f.type, "p".repeat(65), 1, null, NINE_AM),
            "productId must be 1-64 letters, digits or . _ : @ - characters"),
        invalid(
            "sessionId longer than 64 characters",
            f ->
                new Fields(
                    f.eventId, f.userId, "s".repeat(65), f.type, f.productId, 1, null, NINE_AM),
            "sessionId must be at most 64 characters"),
        invalid(
            "missing productId",
            f -> new Fields(f.eventId, f.userId, f.sessionId, f.type, null, 1, null, NINE_AM),
            "productId is required"),
        invalid(
            "negative quantity",
            f ->
                new Fields(
                    f.eventId, f.userId, f.sessionId, f.type, f.productId, -1, null, NINE_AM),
            "quantity must be between 1 and 10000"),
        invalid(
            "zero quantity",
            f ->
                new Fields(f.eventId, f.userId, f.sessionId, f.type, f.productId, 0, null, NINE_AM),
            "quantity must be between 1 and 10000"),
        invalid(
            "quantity above the maximum",
            f ->
                new Fields(
                    f.eventId, f.userId, f.sessionId, f.type, f.productId, 10_001, null, NINE_AM),
            "quantity must be between 1 and 10000"),
        invalid(
            "negative unitPrice",
            f ->
                new Fields(
                    f.eventId,
                    f.userId,
                    f.sessionId,
                    f.type,
                    f.productId,
                    1,
                    new BigDecimal("-0.01"),
                    NINE_AM),
            "unitPrice must be between 0 and 10000000"),
        invalid(
            "missing eventTime",
            f -> new Fields(f.eventId, f.userId, f.sessionId, f.type, f.productId, 1, null, null),
            "eventTime is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidActivities")
  void shouldRejectAnActivityThatBreaksARule(UnaryOperator<Fields> change, String message) {
    Fields activity = change.apply(Fields.valid());

    assertThatThrownBy(activity::build)
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(message);
  }

  @Test
  void shouldRejectAnUnknownTypeAsAnInvalidEvent() {
    String json =
        "{\"eventId\":\"ev-1\",\"userId\":\"user-1\",\"sessionId\":\"sess-1\",\"type\":\"WISHLIST\","
            + "\"productId\":\"laptop-1\",\"eventTime\":\"2026-03-02T09:00:00Z\"}";

    assertThatThrownBy(
            () ->
                ShopTopics.ACTIVITY
                    .valueSerde()
                    .deserializer()
                    .deserialize("shop.activity", json.getBytes(StandardCharsets.UTF_8)))
        .rootCause()
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("type must be one of [VIEW, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE]");
  }

  @Test
  void shouldReadAnActivityWrittenByTheSerde() {
    Activity purchase = Fields.valid().build();
    var serde = ShopTopics.ACTIVITY.valueSerde();

    Activity read =
        serde.deserializer().deserialize("", serde.serializer().serialize("", purchase));

    assertThat(read).isEqualTo(purchase);
  }

  private static Arguments invalid(String rule, UnaryOperator<Fields> change, String message) {
    return arguments(named(rule, change), message);
  }
}
