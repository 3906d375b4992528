package dev.vigil.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {

  private static final Instant EVENT_TIME = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant PRODUCED = Instant.parse("2026-03-02T09:00:05Z");
  private static final Instant PARTITION_TIME = Instant.parse("2026-03-02T08:59:00Z");

  private final EventTimeExtractor extractor = new EventTimeExtractor();

  @Test
  void shouldTakeTheTimeFromATimestampedEvent() {
    TimestampedEvent event = () -> EVENT_TIME;

    assertThat(extract(event, PRODUCED.toEpochMilli())).isEqualTo(EVENT_TIME.toEpochMilli());
  }

  @Test
  void shouldKeepTheRecordTimestampForAValueWithoutEventTime() {
    assertThat(extract("raw", PRODUCED.toEpochMilli())).isEqualTo(PRODUCED.toEpochMilli());
  }

  @Test
  void shouldKeepTheRecordTimestampForATombstone() {
    assertThat(extract(null, PRODUCED.toEpochMilli())).isEqualTo(PRODUCED.toEpochMilli());
  }

  @Test
  void shouldFallBackToPartitionTimeWhenTheRecordTimestampIsNegative() {
    assertThat(extract("raw", -1)).isEqualTo(PARTITION_TIME.toEpochMilli());
  }

  private long extract(Object value, long recordTimestamp) {
    ConsumerRecord<Object, Object> record =
        new ConsumerRecord<>(
            "events",
            0,
            42,
            recordTimestamp,
            TimestampType.CREATE_TIME,
            -1,
            -1,
            "key",
            value,
            new RecordHeaders(),
            Optional.empty());
    return extractor.extract(record, PARTITION_TIME.toEpochMilli());
  }
}
