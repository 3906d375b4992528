package dev.vigil.common.testing;

import dev.vigil.common.event.EventTimeExtractor;
import dev.vigil.common.topic.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** TopologyTestDriver set up as the services run: event time from the payload, explicit names. */
public final class TestDrivers {

  private TestDrivers() {}

  public static TopologyTestDriver create(Topology topology, Instant wallClock) {
    return create(topology, wallClock, Map.of());
  }

  /**
   * With settings of a test's own, e.g. the dead-letter handlers and a {@code DeadLetters} on a
   * {@code MockProducer}.
   */
  public static TopologyTestDriver create(
      Topology topology, Instant wallClock, Map<String, ?> overrides) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(
        StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
    config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // Builds of several modules run side by side; a shared default state dir lets one driver's
    // close delete the directory another driver is still using.
    config.put(StreamsConfig.STATE_DIR_CONFIG, freshStateDir());
    config.putAll(overrides);
    return new TopologyTestDriver(topology, config, wallClock);
  }

  private static String freshStateDir() {
    try {
      Path dir = Files.createTempDirectory("vigil-test-driver-");
      // The driver's close removes what it wrote inside; this removes the then empty directory.
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, Topic<K, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  public static <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, Topic<K, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }
}
