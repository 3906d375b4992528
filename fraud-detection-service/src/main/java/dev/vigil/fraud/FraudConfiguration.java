package dev.vigil.fraud;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.topic.TopicSettings;
import dev.vigil.fraud.rules.RuleBook;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FraudProperties.class)
class FraudConfiguration {

  @Bean
  KafkaAdmin.NewTopics fraudTopics(TopicSettings topics) {
    return topics.declare(FraudTopics.ALL);
  }

  @Bean
  RuleBook ruleBook(FraudProperties properties) {
    return new RuleBook(RuleBook.standardRules(), properties.rules());
  }

  @Bean
  FraudTopology fraudTopology(
      StreamsBuilder builder, FraudProperties properties, RuleBook ruleBook, VigilMetrics metrics) {
    FraudTopology topology = new FraudTopology(properties, ruleBook, metrics);
    topology.build(builder);
    return topology;
  }
}
