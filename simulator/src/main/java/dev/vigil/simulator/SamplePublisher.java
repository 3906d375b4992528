package dev.vigil.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes the services' sample reference data, then their events merged in event-time order, each
 * when its event time comes, so the services see live streams.
 */
public final class SamplePublisher implements Runnable {

  /**
   * How long after the reference data the events start: services read reference data into global
   * tables on a thread of their own, and an event that overtakes its product or account is scored
   * without it.
   */
  public static final Duration REFERENCE_DATA_HEAD_START = Duration.ofSeconds(3);

  private final Producer<String, byte[]> producer;
  private final List<SampleStream> streams;
  private final Clock clock;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong incidentEvents = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback onFailure =
      (metadata, exception) -> {
        if (exception != null) {
          failure.compareAndSet(null, exception);
        }
      };
  private volatile boolean stopped;

  public SamplePublisher(
      Producer<String, byte[]> producer, List<SampleStream> streams, Clock clock) {
    this.producer = producer;
    this.streams = List.copyOf(streams);
    this.clock = clock;
  }

  /** Every stream's reference data, flushed, so that the first events already find it. */
  public int publishReferenceData() {
    int count = 0;
    for (SampleStream stream : streams) {
      for (SampleEvent<?> record : stream.referenceData()) {
        send(record);
        count++;
      }
    }
    producer.flush();
    failure()
        .ifPresent(
            e -> {
              throw new IllegalStateException(
                  "Cannot publish the sample reference data: " + e.getMessage(), e);
            });
    return count;
  }

  @Override
  public void run() {
    PriorityQueue<Head> heads =
        new PriorityQueue<>(Comparator.comparing((Head h) -> h.event().eventTime()));
    streams.forEach(s -> heads.add(new Head(s, s.next())));
    try {
      while (!stopped && failure.get() == null) {
        Head head = heads.poll();
        awaitTime(head.event().eventTime());
        if (stopped) {
          return;
        }
        send(head.event());
        events.incrementAndGet();
        if (head.event().incident()) {
          incidentEvents.incrementAndGet();
        }
        heads.add(new Head(head.stream(), head.stream().next()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  public void stop() {
    stopped = true;
  }

  public long events() {
    return events.get();
  }

  public long incidentEvents() {
    return incidentEvents.get();
  }

  public Optional<Exception> failure() {
    return Optional.ofNullable(failure.get());
  }

  private void awaitTime(Instant due) throws InterruptedException {
    long wait = Duration.between(clock.instant(), due).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private void send(SampleEvent<?> record) {
    Long timestamp = record.eventTime() == null ? null : record.eventTime().toEpochMilli();
    producer.send(
        new ProducerRecord<>(
            record.topic().name(), null, timestamp, record.key(), record.serializedValue()),
        onFailure);
  }

  /** The next event of one stream. */
  private record Head(SampleStream stream, SampleEvent<?> event) {}
}
