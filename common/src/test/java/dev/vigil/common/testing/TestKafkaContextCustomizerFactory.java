package dev.vigil.common.testing;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives the context of a Spring test annotated {@link EmbeddedKafkaForStreams} a broker of its own,
 * started before the context (so that {@code ${spring.embedded.kafka.brokers}} resolves) and
 * stopped with it. Registered in {@code META-INF/spring.factories}.
 */
public final class TestKafkaContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return AnnotatedElementUtils.hasAnnotation(testClass, EmbeddedKafkaForStreams.class)
        ? new BrokerPerContext()
        : null;
  }

  /** Equal to every other: contexts that differ only in their test class share one broker. */
  private static final class BrokerPerContext implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration config) {
      TestKafkaBroker broker = TestKafkaBroker.started(EmbeddedKafkaForStreams.PARTITIONS);
      DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
      beans.registerSingleton(EmbeddedKafkaBroker.BEAN_NAME, broker);
      beans.registerDisposableBean(EmbeddedKafkaBroker.BEAN_NAME, broker);
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test-kafka-broker",
                  Map.of(
                      EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS,
                      broker.getBrokersAsString())));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BrokerPerContext;
    }

    @Override
    public int hashCode() {
      return BrokerPerContext.class.hashCode();
    }
  }
}
