package dev.vigil.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * One instance of a service, started in the test's JVM on a free port with its own state directory,
 * for tests of several instances sharing a broker (task assignment, query routing).
 */
public final class ServiceInstance implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final ConfigurableApplicationContext context;

  private ServiceInstance(int port, ConfigurableApplicationContext context) {
    this.port = port;
    this.context = context;
  }

  /** Starts the application; {@code arguments} are extra {@code --property=value} settings. */
  public static ServiceInstance start(
      Class<?> application, String bootstrapServers, String... arguments) {
    int port = freePort();
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
    args.add("--spring.kafka.streams.state-dir=target/streams-state/instance-" + port);
    args.addAll(List.of(arguments));
    return new ServiceInstance(
        port, new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
  }

  public int port() {
    return port;
  }

  /** Whether the readiness probe answers 200: Kafka Streams is running with its tasks. */
  public boolean ready() {
    try {
      return get("/actuator/health/readiness", null).statusCode() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** The stream tasks this instance runs now. */
  public int activeTasks() {
    KafkaStreams streams = context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    return streams.metadataForLocalThreads().stream()
        .mapToInt(thread -> thread.activeTasks().size())
        .sum();
  }

  /** A GET to this instance, with an {@code Authorization} header unless it is {@code null}. */
  public HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + path, e);
    }
  }

  @Override
  public void close() {
    context.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
