package dev.vigil.common.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * spring-kafka's embedded KRaft broker, set up for exactly-once on a single broker: the internal
 * topics at replication 1, or transactions time out waiting for a producer id. No retention by
 * time: outputs carry the tests' fixed event times, months old, which the broker would otherwise
 * delete at its first retention check, half a minute after it starts.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EmbeddedKafka(
    partitions = 3,
    brokerProperties = {
      "offsets.topic.replication.factor=1",
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "log.retention.ms=-1"
    })
public @interface EmbeddedKafkaForStreams {}
