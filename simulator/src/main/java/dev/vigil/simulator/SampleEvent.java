package dev.vigil.simulator;

import dev.vigil.common.topic.Topic;
import java.time.Instant;

/**
 * One record of a sample stream: its topic, key and value, when it happened ({@code null} for
 * reference data, which has no event time) and whether it belongs to an injected incident.
 */
public record SampleEvent<V>(
    Topic<String, V> topic, String key, V value, Instant eventTime, boolean incident) {

  public static <V> SampleEvent<V> reference(Topic<String, V> topic, String key, V value) {
    return new SampleEvent<>(topic, key, value, null, false);
  }

  public byte[] serializedValue() {
    return topic.valueSerde().serializer().serialize(topic.name(), value);
  }
}
