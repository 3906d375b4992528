package dev.vigil.common.query;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
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
 * view of the assignment during a rebalance gives a 503 to retry, not a loop. The caller's {@code
 * Authorization} header goes along, so an authenticated API stays authenticated across instances.
 *
 * <p>A query over many keys (everything on a ward, a site) is {@linkplain #gathered gathered}: each
 * instance answers from its own partitions and the one asked combines the answers.
 */
public class InteractiveQueries {

  /** Marks a request that one Vigil instance forwarded to another. */
  public static final String FORWARDED_HEADER = "X-Vigil-Forwarded";

  private final KafkaStreamsInteractiveQueryService queries;
  private final Supplier<KafkaStreams> streams;
  private final RestClient http;

  public InteractiveQueries(
      KafkaStreamsInteractiveQueryService queries,
      Supplier<KafkaStreams> streams,
      RestClient http) {
    this.queries = queries;
    this.streams = streams;
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
    return forward(owner, request, type);
  }

  /**
   * The answers of every instance that holds part of {@code storeName}, combined: {@code local}
   * here, the same request on each other instance. A forwarded request gets only its receiver's
   * part, so each partition is asked once.
   */
  public <R> List<R> gathered(
      String storeName, HttpServletRequest request, Class<R[]> type, Supplier<List<R>> local) {
    if (request.getHeader(FORWARDED_HEADER) != null) {
      return local.get();
    }
    KafkaStreams kafkaStreams = streams.get();
    Collection<StreamsMetadata> holders =
        kafkaStreams == null ? List.of() : kafkaStreams.streamsMetadataForStore(storeName);
    if (holders.isEmpty()) {
      throw unavailable("no instance holds " + storeName + " yet");
    }
    HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
    List<R> answers = new ArrayList<>();
    for (StreamsMetadata holder : holders) {
      if (holder.hostInfo().equals(self)) {
        answers.addAll(local.get());
      } else {
        R[] remote = forward(holder.hostInfo(), request, type);
        if (remote != null) {
          answers.addAll(Arrays.asList(remote));
        }
      }
    }
    return answers;
  }

  private <R> R forward(HostInfo owner, HttpServletRequest request, Class<R> type) {
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
      throw unavailable("the instance holding the state, " + owner + ", cannot be reached");
    }
  }

  private static ResponseStatusException unavailable(String reason) {
    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, reason);
  }
}
