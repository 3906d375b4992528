package dev.vigil.common.streams;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Kafka refused this service: its credentials (authentication) or its ACLs (authorization). Neither
 * heals by retrying, so a service that meets one stops and says what to fix, instead of retrying
 * silently for ever.
 */
public record KafkaRefusal(String description, String action) {

  private static final int MAX_CAUSE_DEPTH = 32;

  /** The refusal somewhere in the cause chain of an error, if there is one. */
  public static Optional<KafkaRefusal> in(Throwable error) {
    Throwable cause = error;
    // Bounded, because a cause chain may loop.
    for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
      if (cause instanceof AuthenticationException) {
        return Optional.of(
            new KafkaRefusal(
                "Kafka refused this service's credentials: " + cause.getMessage(),
                "Check the user and password in spring.kafka.properties.sasl.jaas.config"
                    + " (SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG), spring.kafka.security.protocol"
                    + " and spring.kafka.properties.sasl.mechanism, or for mutual TLS the key and"
                    + " trust stores in spring.kafka.ssl.*."));
      }
      if (cause instanceof AuthorizationException) {
        return Optional.of(
            new KafkaRefusal(
                "Kafka denied this service access ("
                    + cause.getClass().getSimpleName()
                    + "): "
                    + cause.getMessage(),
                "Grant the service's principal its ACLs: ./vigil acls --dry-run prints them."));
      }
      cause = cause.getCause();
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return description + " " + action;
  }
}
