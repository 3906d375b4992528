package dev.vigil.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

class UtcInstantDeserializerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-02T09:00:00Z",
        "2026-03-02T09:00:00.250Z",
        "2026-03-02T09:00:00.000000001Z",
        "2026-03-02T09:00:00.123456789Z",
        "2024-02-29T23:59:59.9Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z"
      })
  void shouldReadAnInstantInUtcAsJavaTimeDoes(String text) {
    assertThat(UtcInstantDeserializer.parseUtc(text)).isEqualTo(Instant.parse(text));
    assertThat(read(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-02T10:00:00+01:00",
        "2026-03-02t09:00:00z",
        "2026-03-02T09:00:00.Z",
        "2026-03-02T09:00:00.1234567890Z",
        "2026-03-02T09:00Z",
        "2026-02-30T09:00:00Z",
        "2026-03-02T24:00:00Z",
        "2026-03-02T09:60:00Z",
        "2026-3-02T09:00:00Z",
        "+12026-03-02T09:00:00Z"
      })
  void shouldLeaveAnyOtherFormToJackson(String text) {
    assertThat(UtcInstantDeserializer.parseUtc(text)).isNull();
  }

  @Test
  void shouldStillReadAnInstantWithAnOffset() {
    assertThat(read("2026-03-02T10:00:00+01:00")).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
  }

  @Test
  void shouldStillRejectAnImpossibleDate() {
    assertThatThrownBy(() -> read("2026-02-30T09:00:00Z")).isInstanceOf(JacksonException.class);
  }

  private static Instant read(String text) {
    return JsonSerdes.MAPPER.readValue("\"" + text + "\"", Instant.class);
  }
}
