package dev.vigil.common.streams;

import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that dies of an unexpected error instead of shutting the whole client
 * down; but when Kafka refuses the service's credentials or ACLs, a new thread would only be
 * refused again, so the client stops (readiness and liveness go DOWN) and the log says why.
 */
final class StreamThreadFailureHandler implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(StreamThreadFailureHandler.class);

  @Override
  public StreamThreadExceptionResponse handle(Throwable error) {
    Optional<KafkaRefusal> refusal = KafkaRefusal.in(error);
    if (refusal.isPresent()) {
      log.error("Stopping Kafka Streams. {}", refusal.get());
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    log.error("Stream thread failed; replacing it", error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
