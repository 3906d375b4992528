package dev.vigil.fraud.rules;

import dev.vigil.common.fraud.RuleHit;
import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.fraud.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules a payment is scored by, with their configured parameters. The runtime settings from
 * {@code fraud.rules} are looked up for every payment, so a change applies to the next payment on
 * every instance without a restart.
 */
public final class RuleBook {

  /** In a rule's configuration, turns the rule off; every other key is a parameter. */
  public static final String ENABLED = "enabled";

  private final List<FraudRule> rules;
  private final Map<String, Map<String, Object>> configured;

  /**
   * @param overrides per rule id, parameters that replace the rule's defaults, and optionally
   *     {@code enabled: false}
   */
  public RuleBook(List<FraudRule> rules, Map<String, Map<String, Object>> overrides) {
    this.rules = List.copyOf(rules);
    Map<String, Map<String, Object>> merged = new HashMap<>();
    for (FraudRule rule : rules) {
      Map<String, Object> parameters = new HashMap<>(rule.defaults());
      parameters.put(ENABLED, true);
      parameters.putAll(overrides.getOrDefault(rule.id(), Map.of()));
      merged.put(rule.id(), Map.copyOf(parameters));
    }
    this.configured = Map.copyOf(merged);
  }

  public static List<FraudRule> standardRules() {
    return List.of(
        new VelocityRule(),
        new AmountAnomalyRule(),
        new ImpossibleTravelRule(),
        new CardTestingRule(),
        new BlocklistRule());
  }

  /**
   * The rules with their parameters as they apply now, each runtime setting looked up once: a
   * payment asks what history its rules need, evaluates them and learns from it with the same
   * parameters.
   */
  public InForce inForce(Function<String, RuleSetting> runtime) {
    List<RuleParameters> parameters = new ArrayList<>(rules.size());
    rules.forEach(rule -> parameters.add(parameters(rule.id(), runtime)));
    return new InForce(rules, parameters);
  }

  /** Every rule's parameters as they apply now, in evaluation order. */
  public Map<String, RuleParameters> all(Function<String, RuleSetting> runtime) {
    Map<String, RuleParameters> all = new LinkedHashMap<>();
    rules.forEach(rule -> all.put(rule.id(), parameters(rule.id(), runtime)));
    return all;
  }

  private RuleParameters parameters(String ruleId, Function<String, RuleSetting> runtime) {
    Map<String, Object> base = configured.get(ruleId);
    RuleSetting setting = runtime.apply(ruleId);
    boolean enabled =
        setting != null ? setting.enabled() : !Boolean.FALSE.equals(base.get(ENABLED));
    return new RuleParameters(
        enabled, base, Optional.ofNullable(setting).map(RuleSetting::parameters).orElse(Map.of()));
  }

  /** The rules and, in the same order, their parameters at one moment. */
  public record InForce(List<FraudRule> rules, List<RuleParameters> parameters) {

    public InForce {
      rules = List.copyOf(rules);
      parameters = List.copyOf(parameters);
    }

    public HistoryNeed historyNeed(Transaction payment) {
      HistoryNeed need = HistoryNeed.NONE;
      for (int i = 0; i < rules.size(); i++) {
        if (parameters.get(i).enabled()) {
          need = need.and(rules.get(i).historyNeed(payment, parameters.get(i)));
        }
      }
      return need;
    }

    public List<RuleHit> evaluate(PaymentContext payment) {
      List<RuleHit> hits = new ArrayList<>(1);
      for (int i = 0; i < rules.size(); i++) {
        if (parameters.get(i).enabled()) {
          rules.get(i).evaluate(payment, parameters.get(i)).ifPresent(hits::add);
        }
      }
      return hits;
    }

    public RuleParameters parameters(String ruleId) {
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).id().equals(ruleId)) {
          return parameters.get(i);
        }
      }
      throw new IllegalArgumentException("no rule " + ruleId);
    }
  }
}
