package dev.vigil.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

  @Test
  void shouldRejectAMissingValueNamingTheField() {
    assertThatThrownBy(() -> Checks.required(null, "cardId"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("cardId is required");
  }

  @Test
  void shouldReturnAPresentValue() {
    assertThat(Checks.required(7, "count")).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void shouldRejectBlankText(String blank) {
    assertThatThrownBy(() -> Checks.text(blank, "merchantId"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("merchantId must not be blank");
  }

  @Test
  void shouldRejectMissingText() {
    assertThatThrownBy(() -> Checks.text(null, "merchantId"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("merchantId is required");
  }

  @Test
  void shouldAcceptTextOfTheMaximumLength() {
    String longest = "x".repeat(256);

    assertThat(Checks.text(longest, "merchantId")).isEqualTo(longest);
  }

  @Test
  void shouldRejectTextAboveTheMaximumLength() {
    assertThatThrownBy(() -> Checks.text("x".repeat(257), "merchantId"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("merchantId must be at most 256 characters");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void shouldRejectANumberThatIsNotFinite(double value) {
    assertThatThrownBy(() -> Checks.finite(value, "meanAmount"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("meanAmount must be a finite number");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-90, 0, 90})
  void shouldAcceptANumberWithinTheRangeIncludingItsBounds(double value) {
    assertThat(Checks.inRange(value, -90, 90, "latitude")).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-90.000001, 90.000001})
  void shouldRejectANumberOutsideTheRange(double value) {
    assertThatThrownBy(() -> Checks.inRange(value, -90, 90, "latitude"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("latitude must be between -90.0 and 90.0");
  }

  @Test
  void shouldAcceptAnAbsentOptionalNumber() {
    assertThat(Checks.optionalInRange(null, -90, 90, "latitude")).isNull();
  }

  @Test
  void shouldCheckAPresentOptionalNumber() {
    assertThatThrownBy(() -> Checks.optionalInRange(91.0, -90, 90, "latitude"))
        .isInstanceOf(InvalidEventException.class);
  }
}
