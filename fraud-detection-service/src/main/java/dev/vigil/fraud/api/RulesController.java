package dev.vigil.fraud.api;

import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.fraud.rules.RuleBook;
import dev.vigil.fraud.scoring.FraudStores;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules as this instance applies them now. Rule settings are a global table, so every instance
 * answers for all rules and shows when a change on {@code fraud.rules} has reached it.
 */
@RestController
class RulesController {

  private final InteractiveQueries queries;
  private final RuleBook ruleBook;

  RulesController(InteractiveQueries queries, RuleBook ruleBook) {
    this.queries = queries;
    this.ruleBook = ruleBook;
  }

  /** One rule in force. */
  record RuleView(String id, boolean enabled, Map<String, Object> parameters) {}

  @GetMapping("/rules")
  List<RuleView> rules() {
    ReadOnlyKeyValueStore<String, RuleSetting> settings =
        queries.localStore(FraudStores.RULE_SETTINGS);
    return ruleBook.all(settings::get).entrySet().stream()
        .map(e -> new RuleView(e.getKey(), e.getValue().enabled(), e.getValue().effective()))
        .toList();
  }
}
