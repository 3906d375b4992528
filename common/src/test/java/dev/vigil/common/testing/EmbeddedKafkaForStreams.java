package dev.vigil.common.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link TestKafkaBroker} with topics of three partitions for the annotated test class. A Spring
 * test gets it as a bean of its context ({@code EmbeddedKafkaBroker}), started and stopped with the
 * context, its address in {@code spring.embedded.kafka.brokers}; any other test gets it as a test
 * method parameter, for the whole class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TestKafkaExtension.class)
public @interface EmbeddedKafkaForStreams {

  int PARTITIONS = 3;
}
