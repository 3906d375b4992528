package dev.vigil.vitals.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiCredentialsTest {

  @Test
  void shouldHaveNoCredentialsByDefault() {
    ApiCredentials credentials = new ApiCredentials(null, null, null, false);

    assertThat(credentials.any()).isFalse();
    assertThat(credentials.apiKeys()).isEmpty();
  }

  @Test
  void shouldTreatBlankSettingsAsUnset() {
    ApiCredentials credentials = new ApiCredentials("", " ", List.of(""), false);

    assertThat(credentials.any()).isFalse();
  }

  @Test
  void shouldAcceptApiKeysWithoutAUser() {
    ApiCredentials credentials = new ApiCredentials(null, null, List.of("k1", "k2"), true);

    assertThat(credentials.hasUser()).isFalse();
    assertThat(credentials.any()).isTrue();
  }

  @Test
  void shouldRejectAUserWithoutAPassword() {
    assertThatThrownBy(() -> new ApiCredentials("nurse", null, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be set together");
  }

  @Test
  void shouldRefuseToRunWithoutCredentialsWhenTheyAreRequired() {
    assertThatThrownBy(() -> new ApiCredentials(null, null, List.of(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the patient API needs credentials");
  }
}
