package dev.vigil.common.deadletter;

import dev.vigil.common.deadletter.DeadLetterPublisher.DeadLetter;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' handler for records it cannot read, process or serialize: each goes to the
 * service's dead-letter topic and the stream thread carries on. Broker-side send failures are not
 * handled here; Kafka Streams retries them or fails the task, since they say nothing about the
 * record.
 */
public class DeadLetterExceptionHandler
    implements DeserializationExceptionHandler,
        ProcessingExceptionHandler,
        ProductionExceptionHandler {

  private DeadLetterPublisher publisher;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(DeadLetterPublisher.CONFIG_KEY) instanceof DeadLetterPublisher p)) {
      throw new ConfigException(
          DeadLetterPublisher.CONFIG_KEY + " must hold the service's DeadLetterPublisher");
    }
    this.publisher = p;
  }

  @Override
  public DeserializationHandlerResponse handle(
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
    return publisher.publish(letter)
        ? DeserializationHandlerResponse.CONTINUE
        : DeserializationHandlerResponse.FAIL;
  }

  @Override
  public ProcessingHandlerResponse handle(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return publisher.publish(fromSource(DeadLetterReason.PROCESSING, context, exception))
        ? ProcessingHandlerResponse.CONTINUE
        : ProcessingHandlerResponse.FAIL;
  }

  @Override
  public ProductionExceptionHandlerResponse handle(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    return ProductionExceptionHandlerResponse.FAIL;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ProductionExceptionHandlerResponse handleSerializationException(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    return publisher.publish(fromSource(DeadLetterReason.PRODUCTION, context, exception))
        ? ProductionExceptionHandlerResponse.CONTINUE
        : ProductionExceptionHandlerResponse.FAIL;
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
