package dev.vigil.common.deadletter;

import dev.vigil.common.metrics.VigilMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records that a service cannot process to its dead-letter topic, with the original key and
 * value bytes and headers that say why and where they came from.
 *
 * <p>Sends do not wait: a stream thread that waited for each dead letter's acknowledgement ran
 * measurably slower on input with a few bad records in it. Instead {@link #flush()} waits for every
 * dead letter handed over so far, and Kafka Streams' producer calls it before each commit (see
 * {@link DeadLetterFlushingClientSupplier}): a failing record's offset is committed only once its
 * dead letter is stored, or not at all. The write is outside the Streams transaction, so after a
 * crash a dead letter may appear twice, never zero times.
 */
public class DeadLetterPublisher implements AutoCloseable {

  /** Key under which the publisher is handed to the exception handlers in the Streams config. */
  public static final String CONFIG_KEY = "vigil.dead-letter.publisher";

  public static final String REASON = "vigil.error.reason";
  public static final String ERROR_CLASS = "vigil.error.class";
  public static final String ERROR_MESSAGE = "vigil.error.message";
  public static final String SOURCE_TOPIC = "vigil.source.topic";
  public static final String SOURCE_PARTITION = "vigil.source.partition";
  public static final String SOURCE_OFFSET = "vigil.source.offset";
  public static final String SERVICE = "vigil.service";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
  private static final int MAX_MESSAGE_LENGTH = 1000;

  private final String service;
  private final String topic;
  private final Producer<byte[], byte[]> producer;
  private final VigilMetrics metrics;

  /** The first send that failed since the last flush, which must then fail the commit. */
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public DeadLetterPublisher(
      String service, Producer<byte[], byte[]> producer, VigilMetrics metrics) {
    this.service = service;
    this.topic = topicFor(service);
    this.producer = producer;
    this.metrics = metrics;
  }

  public static String topicFor(String service) {
    return service + ".dlq";
  }

  public String topic() {
    return topic;
  }

  /**
   * Hands one dead letter to the producer; {@link #flush()} later waits until it is stored.
   *
   * @return whether it was handed over; if not, the caller must fail rather than drop the record
   */
  public boolean publish(DeadLetter letter) {
    Headers headers =
        new RecordHeaders(
            letter.originalHeaders() == null ? null : letter.originalHeaders().toArray());
    headers
        .add(REASON, bytes(letter.reason().tag()))
        .add(ERROR_CLASS, bytes(letter.error().getClass().getName()))
        .add(ERROR_MESSAGE, bytes(messageOf(letter.error())))
        .add(SOURCE_TOPIC, bytes(String.valueOf(letter.sourceTopic())))
        .add(SOURCE_PARTITION, bytes(Integer.toString(letter.sourcePartition())))
        .add(SOURCE_OFFSET, bytes(Long.toString(letter.sourceOffset())))
        .add(SERVICE, bytes(service));
    try {
      producer.send(
          new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers),
          (metadata, error) -> {
            if (error == null) {
              metrics.deadLettered(letter.reason());
            } else {
              failure.compareAndSet(null, error);
              failed(letter, error);
            }
          });
    } catch (KafkaException e) {
      failed(letter, e);
      return false;
    }
    log.debug(
        "Dead-lettered record {}-{}@{}: {}",
        letter.sourceTopic(),
        letter.sourcePartition(),
        letter.sourceOffset(),
        letter.reason().tag());
    return true;
  }

  /**
   * Waits until every dead letter handed over so far is stored.
   *
   * @throws KafkaException if one could not be: whoever was about to commit the offsets of the
   *     records it replaces must not
   */
  public void flush() {
    producer.flush();
    Exception error = failure.getAndSet(null);
    if (error != null) {
      throw new KafkaException("A dead letter could not be written to " + topic, error);
    }
  }

  private void failed(DeadLetter letter, Exception e) {
    log.error(
        "Could not write a dead letter to {} for {}-{}@{}; failing instead of dropping it",
        topic,
        letter.sourceTopic(),
        letter.sourcePartition(),
        letter.sourceOffset(),
        e);
  }

  /** The innermost message is the one that names the field or the parse position. */
  private static String messageOf(Throwable error) {
    Throwable root = error;
    // Bounded, because a cause chain may loop.
    for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
      root = root.getCause();
    }
    String message =
        root == error
            ? String.valueOf(error.getMessage())
            : error.getMessage() + ": " + root.getMessage();
    return message.length() <= MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, MAX_MESSAGE_LENGTH);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /** A record that could not be processed, as it was read, and what went wrong. */
  public record DeadLetter(
      DeadLetterReason reason,
      byte[] key,
      byte[] value,
      Headers originalHeaders,
      String sourceTopic,
      int sourcePartition,
      long sourceOffset,
      Throwable error) {}
}
