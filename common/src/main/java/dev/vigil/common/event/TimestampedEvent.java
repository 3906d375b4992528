package dev.vigil.common.event;

import java.time.Instant;

/** An event that carries the time it happened; Kafka Streams uses it as the record's time. */
public interface TimestampedEvent {

  Instant eventTime();
}
