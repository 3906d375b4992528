package dev.vigil.cli.service;

import dev.vigil.common.topic.Topic;
import java.util.Optional;

/**
 * A topic of a service and the field of its JSON values that holds the record key, if the key is
 * one of the value's fields.
 */
public record KnownTopic(Topic<?, ?> topic, Optional<String> keyField) {

  public static KnownTopic keyedBy(Topic<?, ?> topic, String keyField) {
    return new KnownTopic(topic, Optional.of(keyField));
  }

  /** A topic whose key is not in the value, such as {@code fraud.rules} keyed by rule id. */
  public static KnownTopic keyedOutside(Topic<?, ?> topic) {
    return new KnownTopic(topic, Optional.empty());
  }

  public String name() {
    return topic.name();
  }
}
