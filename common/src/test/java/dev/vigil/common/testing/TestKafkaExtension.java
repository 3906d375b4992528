package dev.vigil.common.testing;

import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a test method of an {@link EmbeddedKafkaForStreams} class that is not a Spring test the
 * class's broker, started on first use and stopped after the class. A Spring test's broker belongs
 * to its context instead ({@link TestKafkaContextCustomizerFactory}), so that a context cached for
 * later test classes keeps the broker it was started with.
 */
final class TestKafkaExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestKafkaExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return EmbeddedKafkaBroker.class.isAssignableFrom(parameter.getParameter().getType())
        && !isSpringTest(extension);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    ExtensionContext classContext =
        extension.getTestClass().isPresent() && extension.getTestMethod().isPresent()
            ? extension.getParent().orElseThrow()
            : extension;
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TestKafkaBroker.class,
            type -> new ClosingBroker(TestKafkaBroker.started(EmbeddedKafkaForStreams.PARTITIONS)),
            ClosingBroker.class)
        .broker();
  }

  private static boolean isSpringTest(ExtensionContext extension) {
    return extension
        .getTestClass()
        .map(
            type ->
                MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).stream(ExtendWith.class)
                    .anyMatch(
                        extendWith ->
                            List.of(extendWith.getClassArray("value"))
                                .contains(SpringExtension.class)))
        .orElse(false);
  }

  /** Stops the broker when the test class's store is closed. */
  private record ClosingBroker(TestKafkaBroker broker) implements AutoCloseable {
    @Override
    public void close() {
      broker.destroy();
    }
  }
}
