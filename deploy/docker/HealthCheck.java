import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check: exits 0 when the URL answers 200, 1 otherwise, and prints the answer
 * for {@code docker inspect}. The runtime image has a JRE but neither curl nor wget, and a class
 * that is already compiled starts in a fraction of a second.
 *
 * <pre>java -cp /opt/vigil/healthcheck HealthCheck http://localhost:8081/actuator/health/readiness</pre>
 */
public final class HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HealthCheck() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("Usage: HealthCheck URL");
      System.exit(2);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).timeout(TIMEOUT).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println(response.statusCode() + " " + response.body());
      System.exit(response.statusCode() == 200 ? 0 : 1);
    } catch (IOException e) {
      System.out.println(args[0] + ": " + e);
      System.exit(1);
    }
  }
}
