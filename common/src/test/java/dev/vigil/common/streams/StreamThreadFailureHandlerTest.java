package dev.vigil.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailureHandlerTest {

  private final StreamThreadFailureHandler handler = new StreamThreadFailureHandler();

  @Test
  void shouldStopTheClientWhenKafkaRefusesTheCredentials() {
    StreamsException error =
        new StreamsException(
            new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials"));

    assertThat(handler.handle(error)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void shouldStopTheClientWhenAnAclIsMissing() {
    StreamsException error =
        new StreamsException(new TopicAuthorizationException("Not authorized to access topics"));

    assertThat(handler.handle(error)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void shouldReplaceAThreadThatFailedOfAnythingElse() {
    StreamsException error = new StreamsException(new TimeoutException("broker busy"));

    assertThat(handler.handle(error)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }
}
