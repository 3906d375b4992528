package dev.vigil.vitals;

import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.topic.TopicSettings;
import dev.vigil.common.vitals.VitalsTopics;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VitalsProperties.class)
class VitalsConfiguration {

  @Bean
  KafkaAdmin.NewTopics vitalsTopics(TopicSettings topics) {
    return topics.declare(VitalsTopics.ALL);
  }

  @Bean
  VitalsTopology vitalsTopology(
      StreamsBuilder builder, VitalsProperties properties, VigilMetrics metrics) {
    VitalsTopology topology = new VitalsTopology(properties, metrics);
    topology.build(builder);
    return topology;
  }
}
