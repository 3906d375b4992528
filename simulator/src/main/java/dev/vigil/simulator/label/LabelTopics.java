package dev.vigil.simulator.label;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.topic.Topic;
import java.util.List;

/**
 * One labels topic per domain, keyed by entity id. No service reads them: they are the answers the
 * evaluator marks the services' alerts against.
 */
public final class LabelTopics {

  public static final Topic<String, Label> FRAUD = labels("fraud");
  public static final Topic<String, Label> SHOP = labels("shop");
  public static final Topic<String, Label> VITALS = labels("vitals");
  public static final Topic<String, Label> IOT = labels("iot");

  public static final List<Topic<String, Label>> ALL = List.of(FRAUD, SHOP, VITALS, IOT);

  private LabelTopics() {}

  private static Topic<String, Label> labels(String domain) {
    return Topic.events(domain + ".labels", serdeFor(Label.class));
  }
}
