package dev.vigil.common.deadletter;

import dev.vigil.common.metrics.VigilMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records that a service cannot process to its dead-letter topic, with the original key and
 * value bytes and headers that say why and where they came from.
 *
 * <p>Each send waits for the broker's acknowledgement: the failing record's offset is committed
 * once the handler returns, so a dead letter must be stored first or it would be lost. The write is
 * outside the Streams transaction, so after a crash a dead letter may appear twice, never zero
 * times.
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
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final String service;
  private final String topic;
  private final Producer<byte[], byte[]> producer;
  private final VigilMetrics metrics;

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
   * Stores one dead letter.
   *
   * @return whether it was stored; if not, the caller must fail rather than drop the record
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
      producer
          .send(new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(letter, e);
    } catch (ExecutionException | TimeoutException e) {
      return failed(letter, e);
    }
    metrics.deadLettered(letter.reason());
    log.debug(
        "Dead-lettered record {}-{}@{}: {}",
        letter.sourceTopic(),
        letter.sourcePartition(),
        letter.sourceOffset(),
        letter.reason().tag());
    return true;
  }

  private boolean failed(DeadLetter letter, Exception e) {
    log.error(
        "Could not write a dead letter to {} for {}-{}@{}; failing instead of dropping it",
        topic,
        letter.sourceTopic(),
        letter.sourcePartition(),
        letter.sourceOffset(),
        e);
    return false;
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
