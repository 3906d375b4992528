package dev.vigil.simulator;

import dev.vigil.common.topic.Topic;
import dev.vigil.simulator.label.Label;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes the services' reference data, then their events merged in event-time order, each when
 * its event time comes (at once if it is past), so the services see live streams. With a {@link
 * Disorder}, a share of events arrives late or twice, and malformed records are mixed in; with
 * labels on, each stream's labels go to its labels topic as its incidents are planned, and when the
 * publisher stops, each run's record again with the run's end.
 */
public final class SamplePublisher implements Runnable {

  /**
   * How long after the reference data the events start: services read reference data into global
   * tables on a thread of their own, and an event that overtakes its product or account is scored
   * without it.
   */
  public static final Duration REFERENCE_DATA_HEAD_START = Duration.ofSeconds(3);

  /** How long a late event is held back at most: long enough for later events to overtake it. */
  private static final int MAX_LATENESS_MS = 5_000;

  /** How late a redelivered duplicate follows the original at most. */
  private static final int MAX_DUPLICATE_DELAY_MS = 2_000;

  private final Producer<String, byte[]> producer;
  private final List<SampleStream> streams;
  private final Clock clock;
  private final Disorder disorder;
  private final boolean publishLabels;
  private final Random draws;
  private final PriorityQueue<Outgoing> outbox =
      new PriorityQueue<>(
          Comparator.comparing(Outgoing::sendAt).thenComparingLong(Outgoing::order));
  private final Map<Topic<String, Label>, Label> runs = new LinkedHashMap<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong incidentEvents = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();
  private final AtomicLong late = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback onFailure =
      (metadata, exception) -> {
        if (exception != null) {
          failure.compareAndSet(null, exception);
        }
      };
  private long order;
  private Instant lastEventTime;
  private volatile boolean stopped;

  /** Every event once and on time, without labels: the streams as the services should see them. */
  public SamplePublisher(
      Producer<String, byte[]> producer, List<SampleStream> streams, Clock clock) {
    this(producer, streams, clock, Disorder.NONE, false);
  }

  /**
   * @param publishLabels whether to publish the streams' labels; their topics must exist
   */
  public SamplePublisher(
      Producer<String, byte[]> producer,
      List<SampleStream> streams,
      Clock clock,
      Disorder disorder,
      boolean publishLabels) {
    this.producer = producer;
    this.streams = List.copyOf(streams);
    this.clock = clock;
    this.disorder = disorder;
    this.publishLabels = publishLabels;
    this.draws = new Random(disorder.seed());
  }

  /** Every stream's reference data, flushed, so that the first events already find it. */
  public int publishReferenceData() {
    int count = 0;
    for (SampleStream stream : streams) {
      for (SampleEvent<?> record : stream.referenceData()) {
        send(record.topic().name(), record.key(), record.eventTime(), record.serializedValue());
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
    try {
      streams.forEach(s -> heads.add(new Head(s, next(s))));
      while (!stopped && failure.get() == null && !heads.isEmpty()) {
        Head head = heads.peek();
        Outgoing out = outbox.peek();
        if (out != null && !out.sendAt().isAfter(head.event().eventTime())) {
          outbox.poll();
          awaitTime(out.sendAt());
          if (stopped) {
            break;
          }
          send(out.topic(), out.key(), out.eventTime(), out.value());
          if (out.original()) {
            lastEventTime = out.eventTime();
            events.incrementAndGet();
          }
        } else {
          heads.poll();
          schedule(head.event());
          heads.add(new Head(head.stream(), next(head.stream())));
        }
      }
      endRuns();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  public void stop() {
    stopped = true;
  }

  /** Events published, each counted once however often it was sent. */
  public long events() {
    return events.get();
  }

  /** Events planned as part of an incident. */
  public long incidentEvents() {
    return incidentEvents.get();
  }

  /** Incidents labelled (when labels are published). */
  public long incidents() {
    return incidents.get();
  }

  public long lateEvents() {
    return late.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  public long malformed() {
    return malformed.get();
  }

  public Optional<Exception> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** A stream's next event; its labels are published at once, since no service reads them. */
  private SampleEvent<?> next(SampleStream stream) {
    SampleEvent<?> event = stream.next();
    if (publishLabels) {
      for (SampleEvent<?> record : stream.takeLabels()) {
        if (record.value() instanceof Label label && label.isRun()) {
          @SuppressWarnings("unchecked") // a stream's labels are on its domain's labels topic
          Topic<String, Label> topic = (Topic<String, Label>) record.topic();
          runs.put(topic, label);
        } else {
          incidents.incrementAndGet();
        }
        // Stamped when sent: a label planned ahead would otherwise carry a future timestamp.
        send(record.topic().name(), record.key(), null, record.serializedValue());
      }
    }
    return event;
  }

  private void schedule(SampleEvent<?> event) {
    if (event.incident()) {
      incidentEvents.incrementAndGet();
    }
    byte[] value = event.serializedValue();
    Instant due = event.eventTime();
    Instant sendAt = due;
    if (draws.nextDouble() < disorder.outOfOrderRatio()) {
      sendAt = due.plusMillis(1_000 + draws.nextInt(MAX_LATENESS_MS - 1_000));
      late.incrementAndGet();
    }
    String topic = event.topic().name();
    outbox.add(new Outgoing(sendAt, order++, topic, event.key(), due, value, true));
    if (draws.nextDouble() < disorder.duplicateRatio()) {
      Instant again = sendAt.plusMillis(200 + draws.nextInt(MAX_DUPLICATE_DELAY_MS - 200));
      outbox.add(new Outgoing(again, order++, topic, event.key(), due, value, false));
      duplicates.incrementAndGet();
    }
    if (draws.nextDouble() < disorder.malformedRatio()) {
      outbox.add(new Outgoing(due, order++, topic, event.key(), due, malformed(value), false));
      malformed.incrementAndGet();
    }
  }

  /**
   * Alternately a record cut off halfway, which no JSON parser reads, and an empty object, which
   * parses but lacks every required field.
   */
  private byte[] malformed(byte[] value) {
    return malformed.get() % 2 == 0
        ? Arrays.copyOf(value, value.length / 2)
        : "{}".getBytes(StandardCharsets.UTF_8);
  }

  /** Each run's record again, now with its end: the newest event time published. */
  private void endRuns() {
    Instant end = lastEventTime == null ? clock.instant() : lastEventTime;
    runs.forEach(
        (topic, run) -> {
          Label ended = run.endedAt(end);
          byte[] value = topic.valueSerde().serializer().serialize(topic.name(), ended);
          send(topic.name(), ended.entityId(), null, value);
        });
    producer.flush();
  }

  private void awaitTime(Instant due) throws InterruptedException {
    long wait = Duration.between(clock.instant(), due).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private void send(String topic, String key, Instant eventTime, byte[] value) {
    Long timestamp = eventTime == null ? null : eventTime.toEpochMilli();
    producer.send(new ProducerRecord<>(topic, null, timestamp, key, value), onFailure);
  }

  /** The next event of one stream. */
  private record Head(SampleStream stream, SampleEvent<?> event) {}

  /** A record waiting for its time to be sent; {@code original} is false for copies and junk. */
  private record Outgoing(
      Instant sendAt,
      long order,
      String topic,
      String key,
      Instant eventTime,
      byte[] value,
      boolean original) {}
}
