package dev.vigil.common.fraud;

import dev.vigil.common.event.InvalidEventException;
import java.util.List;
import java.util.Map;

/**
 * The runtime setting of one fraud rule, keyed by rule id on the compacted {@code fraud.rules}.
 * Parameters that a setting leaves out keep the service's configured defaults.
 */
public record RuleSetting(boolean enabled, Map<String, Object> parameters) {

  public RuleSetting {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    parameters.forEach(
        (name, value) -> {
          if (!(value instanceof Number || value instanceof String || value instanceof List<?>)) {
            throw new InvalidEventException(
                "parameters." + name + " must be a number, a string or a list of strings");
          }
        });
  }
}
