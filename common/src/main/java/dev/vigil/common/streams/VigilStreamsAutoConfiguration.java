package dev.vigil.common.streams;

import dev.vigil.common.deadletter.DeadLetterFlushingClientSupplier;
import dev.vigil.common.deadletter.DeadLetterPublisher;
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
  DeadLetterPublisher deadLetterPublisher(
      @Value("${spring.application.name}") String service,
      ProducerFactory<?, ?> producers,
      VigilMetrics metrics) {
    // Boot's producer factory already holds everything about reaching the cluster: bootstrap
    // servers and security from the properties or a service connection (Testcontainers, Docker
    // Compose), SASL settings from spring.kafka.properties, TLS from spring.kafka.ssl or a bundle.
    Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Dead letters are few, and every commit waits until they are stored: each goes out at once
    // rather than lingering for a batch, so that it is usually stored before the commit asks.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return new DeadLetterPublisher(
        service,
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
        metrics);
  }

  @Bean
  NewTopic deadLetterTopic(TopicSettings topics, DeadLetterPublisher publisher) {
    return topics.deadLetterTopic(publisher.topic());
  }

  /**
   * Hands the dead-letter publisher to Kafka Streams' exception handlers, decides what happens when
   * a stream thread dies, and has the local state a crash left behind deleted before a start.
   */
  @Bean
  StreamsBuilderFactoryBeanConfigurer vigilStreamsConfigurer(DeadLetterPublisher publisher) {
    return factory -> {
      Properties config = factory.getStreamsConfiguration();
      config.put(DeadLetterPublisher.CONFIG_KEY, publisher);
      factory.setStreamsConfiguration(config);
      factory.setClientSupplier(new DeadLetterFlushingClientSupplier(publisher));
      // Leave the group on a graceful stop, so a restarted or remaining instance takes the
      // partitions over at once instead of after the session timeout.
      factory.setLeaveGroupOnClose(true);
      factory.setStreamsUncaughtExceptionHandler(new StreamThreadFailureHandler());
      CrashedStateWipe.register(factory);
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
