package dev.vigil.iot;

import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.topic.TopicSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IotProperties.class)
class IotConfiguration {

  @Bean
  KafkaAdmin.NewTopics iotTopics(TopicSettings topics) {
    return topics.declare(IotTopics.ALL);
  }

  @Bean
  IotMetrics iotMetrics(MeterRegistry registry) {
    return new IotMetrics(registry);
  }

  @Bean
  IotTopology iotTopology(
      StreamsBuilder builder,
      IotProperties properties,
      IotMetrics iotMetrics,
      VigilMetrics metrics) {
    // The reading-time check compares payload times with the real clock; everything else takes
    // its time from the processor context.
    IotTopology topology = new IotTopology(properties, iotMetrics, metrics, Clock.systemUTC());
    topology.build(builder);
    return topology;
  }
}
