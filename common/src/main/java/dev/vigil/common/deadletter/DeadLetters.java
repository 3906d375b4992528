package dev.vigil.common.deadletter;

import dev.vigil.common.metrics.VigilMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's dead letters: records it cannot read, process or serialize, as they arrived (original
 * key, value and headers), with headers that say why and where they came from, on {@code
 * <service>.dlq}.
 *
 * <p>A stream task's dead letters are written by Kafka Streams itself (KIP-1034), by the task's own
 * producer: under exactly-once a dead letter commits or aborts with the outputs and offsets of the
 * records around it, so after a crash it is written once, never twice and never not at all. Kafka
 * Streams 4.3 cannot yet send dead letters for a global table (KIP-1295), so a bad record of a
 * reference topic is written here, by a producer of its own, before the global thread moves past
 * it: at least once, as the global table itself is kept.
 */
public class DeadLetters implements AutoCloseable {

  /**
   * Key under which the dead letters are handed to the exception handlers in the Streams config.
   */
  public static final String CONFIG_KEY = "vigil.dead-letters";

  public static final String REASON = "vigil.error.reason";
  public static final String ERROR_CLASS = "vigil.error.class";
  public static final String ERROR_MESSAGE = "vigil.error.message";
  public static final String SOURCE_TOPIC = "vigil.source.topic";
  public static final String SOURCE_PARTITION = "vigil.source.partition";
  public static final String SOURCE_OFFSET = "vigil.source.offset";
  public static final String SERVICE = "vigil.service";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final int MAX_MESSAGE_LENGTH = 1000;
  private static final Duration GLOBAL_SEND_TIMEOUT = Duration.ofSeconds(30);

  private final String service;
  private final String topic;
  private final VigilMetrics metrics;
  private final Supplier<Producer<byte[], byte[]>> globalProducerFactory;
  private Producer<byte[], byte[]> globalProducer;

  /**
   * @param globalProducer creates the producer for the global tables' dead letters, on first use
   */
  public DeadLetters(
      String service, VigilMetrics metrics, Supplier<Producer<byte[], byte[]>> globalProducer) {
    this.service = service;
    this.topic = topicFor(service);
    this.metrics = metrics;
    this.globalProducerFactory = globalProducer;
  }

  public static String topicFor(String service) {
    return service + ".dlq";
  }

  public String topic() {
    return topic;
  }

  /** The dead letter as a record of the dead-letter topic, counted as sent. */
  ProducerRecord<byte[], byte[]> record(DeadLetter letter) {
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
    metrics.deadLettered(letter.reason());
    log.debug(
        "Dead-lettered record {}-{}@{}: {}",
        letter.sourceTopic(),
        letter.sourcePartition(),
        letter.sourceOffset(),
        letter.reason().tag());
    return new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers);
  }

  /**
   * Writes a global table's dead letter and waits until it is stored.
   *
   * @return whether it was stored; if not, the caller must fail rather than drop the record
   */
  synchronized boolean publishNow(DeadLetter letter) {
    try {
      if (globalProducer == null) {
        globalProducer = globalProducerFactory.get();
      }
      globalProducer
          .send(record(letter))
          .get(GLOBAL_SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(letter, e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      failed(letter, e);
    }
    return false;
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
  public synchronized void close() {
    if (globalProducer != null) {
      globalProducer.close(Duration.ofSeconds(5));
    }
  }

  /** A record that could not be processed, as it was read, and what went wrong. */
  record DeadLetter(
      DeadLetterReason reason,
      byte[] key,
      byte[] value,
      Headers originalHeaders,
      String sourceTopic,
      int sourcePartition,
      long sourceOffset,
      Throwable error) {}
}
