package dev.vigil.recommendation;

import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.topic.TopicSettings;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecommendationProperties.class)
class RecommendationConfiguration {

  @Bean
  KafkaAdmin.NewTopics shopTopics(TopicSettings topics) {
    return topics.declare(ShopTopics.ALL);
  }

  @Bean
  RecommendationTopology recommendationTopology(
      StreamsBuilder builder, RecommendationProperties properties, VigilMetrics metrics) {
    RecommendationTopology topology = new RecommendationTopology(properties, metrics);
    topology.build(builder);
    return topology;
  }
}
