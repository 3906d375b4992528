package dev.vigil.common.streams;

import dev.vigil.common.deadletter.DeadLetterPublisher;
import dev.vigil.common.health.KafkaStreamsHealth;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.common.topic.TopicSettings;
import dev.vigil.common.web.ApiErrors;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
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

  private static final Logger log = LoggerFactory.getLogger(VigilStreamsAutoConfiguration.class);

  @Bean
  VigilMetrics vigilMetrics(MeterRegistry registry) {
    return new VigilMetrics(registry);
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(
      @Value("${spring.application.name}") String service,
      KafkaProperties kafka,
      KafkaConnectionDetails connection,
      VigilMetrics metrics) {
    Map<String, Object> config = kafka.buildProducerProperties();
    // Where the cluster is can also come from a service connection (Testcontainers, Docker
    // Compose), which the properties do not know about.
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
    if (connection.getProducer().getSecurityProtocol() != null) {
      config.put(
          CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
          connection.getProducer().getSecurityProtocol());
    }
    config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
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
   * Hands the dead-letter publisher to Kafka Streams' exception handlers, and replaces a stream
   * thread that dies of an unexpected error instead of shutting the whole client down.
   */
  @Bean
  StreamsBuilderFactoryBeanConfigurer vigilStreamsConfigurer(DeadLetterPublisher publisher) {
    return factory -> {
      Properties config = factory.getStreamsConfiguration();
      config.put(DeadLetterPublisher.CONFIG_KEY, publisher);
      factory.setStreamsConfiguration(config);
      // Leave the group on a graceful stop, so a restarted or remaining instance takes the
      // partitions over at once instead of after the session timeout.
      factory.setLeaveGroupOnClose(true);
      factory.setStreamsUncaughtExceptionHandler(
          error -> {
            log.error("Stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          });
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
