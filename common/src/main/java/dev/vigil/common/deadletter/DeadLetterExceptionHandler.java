package dev.vigil.common.deadletter;

import dev.vigil.common.deadletter.DeadLetters.DeadLetter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' handler for records it cannot read, process or serialize: each goes to the
 * service's dead-letter topic and the stream thread carries on. A stream task's dead letter is
 * handed back to Kafka Streams, which writes it in the task's transaction; a global table's is
 * written at once (see {@link DeadLetters}). Broker-side send failures are not handled here; Kafka
 * Streams retries them or fails the task, since they say nothing about the record.
 */
public class DeadLetterExceptionHandler
    implements DeserializationExceptionHandler,
        ProcessingExceptionHandler,
        ProductionExceptionHandler {

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(DeadLetters.CONFIG_KEY) instanceof DeadLetters letters)) {
      throw new ConfigException(DeadLetters.CONFIG_KEY + " must hold the service's DeadLetters");
    }
    this.deadLetters = letters;
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    DeadLetter letter =
        new DeadLetter(
            DeadLetterReason.ofDeserializationFailure(exception),
            record.key(),
            record.value(),
            record.headers(),
            record.topic(),
            record.partition(),
            record.offset(),
            exception);
    if (isGlobal(context)) {
      return deadLetters.publishNow(letter)
          ? DeserializationExceptionHandler.Response.resume()
          : DeserializationExceptionHandler.Response.fail();
    }
    return DeserializationExceptionHandler.Response.resume(inTransaction(letter));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    DeadLetter letter = fromSource(DeadLetterReason.PROCESSING, context, exception);
    if (isGlobal(context)) {
      return deadLetters.publishNow(letter)
          ? ProcessingExceptionHandler.Response.resume()
          : ProcessingExceptionHandler.Response.fail();
    }
    return ProcessingExceptionHandler.Response.resume(inTransaction(letter));
  }

  @Override
  public ProductionExceptionHandler.Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    return ProductionExceptionHandler.Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ProductionExceptionHandler.Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    return ProductionExceptionHandler.Response.resume(
        inTransaction(fromSource(DeadLetterReason.PRODUCTION, context, exception)));
  }

  private List<ProducerRecord<byte[], byte[]>> inTransaction(DeadLetter letter) {
    return List.of(deadLetters.record(letter));
  }

  /** The global thread's tasks have no producer: Kafka Streams runs them as task -1_-1. */
  private static boolean isGlobal(ErrorHandlerContext context) {
    TaskId task = context.taskId();
    return task == null || task.subtopology() < 0;
  }

  private static DeadLetter fromSource(
      DeadLetterReason reason, ErrorHandlerContext context, Exception exception) {
    return new DeadLetter(
        reason,
        context.sourceRawKey(),
        context.sourceRawValue(),
        context.headers(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception);
  }
}
