package dev.vigil.vitals.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the patient API ({@code vigil.vitals.api.*}): one user for HTTP basic, and any
 * number of API keys sent as {@code Authorization: Bearer <key>}. There are no defaults: without
 * credentials every API request is refused. A password may be given encoded, e.g. {@code
 * {bcrypt}$2a$10$...}; a plain one is compared as is.
 *
 * @param requireCredentials refuse to start without any credentials (set in the production profile)
 */
@ConfigurationProperties("vigil.vitals.api")
record ApiCredentials(
    String username,
    String password,
    List<String> apiKeys,
    @DefaultValue("false") boolean requireCredentials) {

  ApiCredentials {
    username = blankToNull(username);
    password = blankToNull(password);
    apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> !k.isBlank()).toList();
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException(
          "vigil.vitals.api.username and vigil.vitals.api.password must be set together");
    }
    if (requireCredentials && username == null && apiKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "the patient API needs credentials: set vigil.vitals.api.username and"
              + " vigil.vitals.api.password, or vigil.vitals.api.api-keys");
    }
  }

  boolean hasUser() {
    return username != null;
  }

  boolean any() {
    return hasUser() || !apiKeys.isEmpty();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
