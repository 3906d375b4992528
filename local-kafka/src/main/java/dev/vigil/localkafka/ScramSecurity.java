package dev.vigil.localkafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The broker's SASL_PLAINTEXT listener with SCRAM-SHA-512 and ACLs enforced: the admin is the super
 * user (created when the data dir is formatted, since nothing can log in before it exists), the
 * users are created or updated on every start.
 */
public record ScramSecurity(String admin, String adminPassword, Map<String, String> users) {

  public static final String MECHANISM = "SCRAM-SHA-512";
  public static final String PROTOCOL = "SASL_PLAINTEXT";
  static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
  static final int ITERATIONS = 8192;

  public ScramSecurity {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(adminPassword, "adminPassword");
    users = Map.copyOf(users);
    requireScramValue("user name", admin);
    requireScramValue("password", adminPassword);
    users.forEach(
        (name, password) -> {
          requireScramValue("user name", name);
          requireScramValue("password", password);
        });
  }

  /** The JAAS line a client logs in with. */
  public static String jaasConfig(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /** What a client adds to its configuration to log in as this user. */
  public static Map<String, Object> clientProperties(String user, String password) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("security.protocol", PROTOCOL);
    properties.put("sasl.mechanism", MECHANISM);
    properties.put("sasl.jaas.config", jaasConfig(user, password));
    return properties;
  }

  /** The admin's credential in the form {@code kafka-storage format --add-scram} takes. */
  String formatArgument() {
    return MECHANISM
        + "=[name=\""
        + admin
        + "\",password=\""
        + adminPassword
        + "\",iterations="
        + ITERATIONS
        + "]";
  }

  /** Quotes delimit values in both the JAAS line and the format argument; blanks are typos. */
  private static void requireScramValue(String what, String value) {
    if (value.isEmpty() || value.contains("\"") || value.contains("\\") || value.isBlank()) {
      throw new IllegalArgumentException(
          "A SCRAM " + what + " must be non-empty and contain no quote or backslash");
    }
  }
}
