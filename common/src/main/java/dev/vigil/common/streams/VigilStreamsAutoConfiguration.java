package dev.vigil.common.streams;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.health.KafkaStreamsHealth;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.common.topic.TopicSettings;
import dev.vigil.common.web.ApiErrors;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * What every Vigil service gets by depending on {@code common}: the Kafka Streams lifecycle, the
 * dead-letter topic and its handlers, health from the Streams state, Vigil's metrics and
 * interactive-query routing. A service adds only its topology and its REST API.
 */
// Before Boot's Kafka auto-configuration: it creates the Streams configuration only when it sees
// the StreamsBuilder that @EnableKafkaStreams registers.
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafkaStreams
@EnableConfigurationProperties(TopicSettings.class)
@Import(ApiErrors.class)
public class VigilStreamsAutoConfiguration {

  @Bean
  VigilMetrics vigilMetrics(MeterRegistry registry) {
    return new VigilMetrics(registry);
  }

  @Bean
  DeadLetters deadLetters(
      @Value("${spring.application.name}") String service,
      ProducerFactory<?, ?> producers,
      VigilMetrics metrics) {
    return new DeadLetters(
        service, metrics, () -> globalTablesDeadLetterProducer(service, producers));
  }

  /**
   * Only a global table's dead letters need a producer of their own (see {@link DeadLetters}); it
   * is created when the first one arrives.
   */
  private static KafkaProducer<byte[], byte[]> globalTablesDeadLetterProducer(
      String service, ProducerFactory<?, ?> producers) {
    // Boot's producer factory already holds everything about reaching the cluster: bootstrap
    // servers and security from the properties or a service connection (Testcontainers, Docker
    // Compose), SASL settings from spring.kafka.properties, TLS from spring.kafka.ssl or a bundle.
    Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-global-dead-letters");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Bean
  NewTopic deadLetterTopic(TopicSettings topics, DeadLetters deadLetters) {
    return topics.deadLetterTopic(deadLetters.topic());
  }

  /**
   * Hands the dead letters to Kafka Streams' exception handlers and decides what happens when a
   * stream thread dies.
   */
  @Bean
  StreamsBuilderFactoryBeanConfigurer vigilStreamsConfigurer(DeadLetters deadLetters) {
    return factory -> {
      Properties config = factory.getStreamsConfiguration();
      config.put(DeadLetters.CONFIG_KEY, deadLetters);
      factory.setStreamsConfiguration(config);
      // Leave the group on a graceful stop, so a restarted or remaining instance takes the
      // partitions over at once instead of after the session timeout.
      factory.setLeaveGroupOnClose(true);
      factory.setStreamsUncaughtExceptionHandler(new StreamThreadFailureHandler());
    };
  }

  @Bean
  KafkaStreamsHealth kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factory) {
    return KafkaStreamsHealth.readiness(factory::getKafkaStreams);
  }

  @Bean
  KafkaStreamsHealth kafkaStreamsLivenessHealthIndicator(StreamsBuilderFactoryBean factory) {
    return KafkaStreamsHealth.liveness(factory::getKafkaStreams);
  }

  @Bean
  KafkaStreamsInteractiveQueryService kafkaStreamsInteractiveQueryService(
      StreamsBuilderFactoryBean factory) {
    return new KafkaStreamsInteractiveQueryService(factory);
  }

  @Bean
  InteractiveQueries interactiveQueries(
      KafkaStreamsInteractiveQueryService queries, StreamsBuilderFactoryBean factory) {
    return new InteractiveQueries(
        queries, factory::getKafkaStreams, InteractiveQueries.defaultClient());
  }
}
