package dev.vigil.fraud.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A rule's parameters after layering, later winning: the rule's defaults, the service's
 * configuration, the runtime setting on {@code fraud.rules}. A runtime value of the wrong type is
 * ignored in favour of the configured one, so a typo in a setting cannot stop scoring.
 */
public record RuleParameters(
    boolean enabled, Map<String, Object> configured, Map<String, Object> runtime) {

  public static final String SCORE = "score";

  public RuleParameters {
    configured = Map.copyOf(configured);
    runtime = Map.copyOf(runtime);
  }

  public double number(String name) {
    if (runtime.get(name) instanceof Number n) {
      return n.doubleValue();
    }
    if (configured.get(name) instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalStateException("rule parameter " + name + " has no numeric default");
  }

  /** The values in force, for display: runtime settings over configured values. */
  public Map<String, Object> effective() {
    Map<String, Object> effective = new TreeMap<>(configured);
    effective.putAll(runtime);
    effective.remove(RuleBook.ENABLED);
    return effective;
  }

  public int score() {
    return (int) Math.max(0, Math.min(100, number(SCORE)));
  }

  public Set<String> strings(String name) {
    Object value = runtime.get(name) instanceof List<?> ? runtime.get(name) : configured.get(name);
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }
    return Set.of();
  }
}
