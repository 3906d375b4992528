package dev.vigil.vitals.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.testing.EmbeddedKafkaForStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Out of the box, with no credentials configured, the patient API lets nobody in, not even with the
 * local profile's well-known password; health stays open.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}"
    })
@EmbeddedKafkaForStreams
class ApiWithoutCredentialsIntegrationTest {

  @LocalServerPort private int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldRefuseEveryApiRequestButAnswerHealth() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(status("/actuator/health/readiness", null)).isEqualTo(200));

    assertThat(status("/patients/p-1", null)).isEqualTo(401);
    assertThat(status("/patients/p-1", basic("local", "local-only-password"))).isEqualTo(401);
    assertThat(status("/patients/p-1", basic("user", ""))).isEqualTo(401);
    assertThat(status("/patients/p-1", "Bearer ")).isEqualTo(401);
    assertThat(status("/wards/ward-7/patients", null)).isEqualTo(401);
  }

  private int status(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
