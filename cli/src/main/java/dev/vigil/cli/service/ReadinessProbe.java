package dev.vigil.cli.service;

import dev.vigil.common.json.JsonSerdes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Asks a service whether it is ready: {@code GET /actuator/health/readiness} answers 200 and {@code
 * UP} only while its Kafka Streams client is RUNNING.
 */
public final class ReadinessProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http;

  public ReadinessProbe() {
    this(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
  }

  ReadinessProbe(HttpClient http) {
    this.http = http;
  }

  /** What a service said, or that it did not answer. */
  public record Readiness(boolean ready, String detail) {

    static Readiness noAnswer(int port) {
      return new Readiness(false, "no answer on port " + port);
    }
  }

  public Readiness check(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .timeout(TIMEOUT)
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return parse(response.statusCode(), response.body());
    } catch (IOException e) {
      return Readiness.noAnswer(port);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Readiness.noAnswer(port);
    }
  }

  /**
   * The Streams state is the useful detail while a service starts (REBALANCING, then RUNNING);
   * without it, the overall status.
   */
  static Readiness parse(int statusCode, String body) {
    String status = "HTTP " + statusCode;
    String streamsState = null;
    try {
      JsonNode health = JsonSerdes.MAPPER.readTree(body);
      status = health.path("status").asString(status);
      JsonNode state = health.path("components").path("kafkaStreams").path("details").path("state");
      streamsState = state.isString() ? state.asString() : null;
    } catch (JacksonException e) {
      // Not JSON, e.g. an error page from something else on the port: the status code says enough.
    }
    boolean ready = statusCode == 200 && "UP".equals(status);
    return new Readiness(
        ready, streamsState == null ? status : status + ", streams " + streamsState);
  }
}
