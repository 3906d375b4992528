package dev.vigil.common.streams.testapp;

import dev.vigil.common.topic.Topic;
import dev.vigil.common.topic.TopicSettings;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The smallest Vigil service: one topology and one REST endpoint, everything else from {@code
 * common}'s auto-configuration. In its own package so that no other test's component scan finds it.
 */
@SpringBootApplication
public class StreamsTestApplication {

  public static final Topic<String, String> WORDS = Topic.events("it.words", Serdes.String());
  public static final Topic<String, String> SHOUTS = Topic.events("it.shouts", Serdes.String());

  @Bean
  KafkaAdmin.NewTopics topics(TopicSettings settings) {
    return settings.declare(List.of(WORDS, SHOUTS));
  }

  @Bean
  KStream<String, String> shouting(StreamsBuilder builder) {
    KStream<String, String> words =
        builder.stream(WORDS.name(), WORDS.consumed().withName("words-source"));
    words
        .mapValues(word -> word.toUpperCase(), Named.as("shout"))
        .to(SHOUTS.name(), SHOUTS.produced().withName("shouts-sink"));
    return words;
  }
}
