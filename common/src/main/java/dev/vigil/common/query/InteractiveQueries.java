package dev.vigil.common.query;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers a query for one key from the instance whose state stores hold it: from the local store
 * when that is this instance, otherwise by forwarding the same HTTP request to the owner (found
 * through {@code application.server}). A forwarded request is never forwarded again, so a stale
 * view of the assignment during a rebalance gives a 503 to retry, not a loop.
 */
public class InteractiveQueries {

  /** Marks a request that one Vigil instance forwarded to another. */
  public static final String FORWARDED_HEADER = "X-Vigil-Forwarded";

  private final KafkaStreamsInteractiveQueryService queries;
  private final RestClient http;

  public InteractiveQueries(KafkaStreamsInteractiveQueryService queries, RestClient http) {
    this.queries = queries;
    this.http = http;
  }

  public static RestClient defaultClient() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(Duration.ofSeconds(5));
    return RestClient.builder().requestFactory(factory).build();
  }

  /** A read-only view of a local key-value store. */
  public <V> ReadOnlyKeyValueStore<String, V> localStore(String storeName) {
    return queries.retrieveQueryableStore(storeName, QueryableStoreTypes.keyValueStore());
  }

  /**
   * Runs {@code local} if this instance owns {@code key} in {@code storeName}; otherwise returns
   * the owner's answer to the same request.
   */
  public <R> R routed(
      String storeName, String key, HttpServletRequest request, Class<R> type, Supplier<R> local) {
    HostInfo owner =
        queries.getKafkaStreamsApplicationHostInfo(storeName, key, Serdes.String().serializer());
    if (owner == null) {
      throw unavailable("no instance holds " + storeName + " yet");
    }
    if (owner.equals(queries.getCurrentKafkaStreamsApplicationHostInfo())) {
      return local.get();
    }
    if (request.getHeader(FORWARDED_HEADER) != null) {
      throw unavailable("the partitions of " + storeName + " are moving between instances");
    }
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    URI target =
        URI.create("http://" + owner.host() + ":" + owner.port() + request.getRequestURI() + query);
    try {
      return http.get()
          .uri(target)
          .header(FORWARDED_HEADER, "true")
          .headers(
              h -> {
                String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
                if (authorization != null) {
                  h.set(HttpHeaders.AUTHORIZATION, authorization);
                }
              })
          .retrieve()
          .body(type);
    } catch (RestClientResponseException e) {
      throw new ResponseStatusException(
          e.getStatusCode(), "from " + owner + ": " + e.getStatusText());
    } catch (RestClientException e) {
      throw unavailable("the instance holding the key, " + owner + ", cannot be reached");
    }
  }

  private static ResponseStatusException unavailable(String reason) {
    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, reason);
  }
}
