package dev.vigil.common.event;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the time an event happened, from its payload, as the record time, so windows, grace periods
 * and stream time follow the data and not the moment it reached Kafka. Records without an event
 * time (tombstones, raw bytes) keep the producer's timestamp.
 */
public class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof TimestampedEvent event) {
      return event.eventTime().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
  }
}
