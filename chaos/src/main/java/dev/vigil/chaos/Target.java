package dev.vigil.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service the chaos runs can attack: its jar, the topics it needs, its workload and the verifier
 * of its outputs. Adding a service means adding one of these, with a workload and a verifier.
 *
 * @param name the service's module, jar and application id
 * @param inputTopics topics the workload writes (and the service reads)
 * @param compactedTopics the topics that are tables
 * @param workload the service's deterministic input
 * @param verifier its independent check of the outputs
 * @param query an interactive query to ask any instance about any key, if the service has one open
 *     without credentials
 */
public record Target(
    String name,
    List<String> inputTopics,
    List<String> compactedTopics,
    WorkloadFactory workload,
    Verifier verifier,
    Optional<Query> query) {

  /**
   * A REST request about one entity.
   *
   * @param keysTopic the reference-data topic whose keys name the entities
   * @param pathTemplate the request path, with {@code %s} for the key
   */
  public record Query(String keysTopic, String pathTemplate) {}

  /** Starts a target's workload. */
  @FunctionalInterface
  public interface WorkloadFactory {
    Workload start(long seed, Instant start, int eventsPerSecond);
  }

  public static final Target FRAUD =
      new Target(
          "fraud-detection-service",
          List.of(FraudVerifier.TRANSACTIONS, "payments.accounts", "fraud.rules"),
          List.of("payments.accounts", "fraud.rules"),
          Workloads::payments,
          new FraudVerifier(),
          Optional.of(new Query("payments.accounts", "/accounts/%s/risk")));

  public static final Target VITALS =
      new Target(
          "vitals-monitor-service",
          List.of(VitalsVerifier.READINGS, VitalsVerifier.PATIENTS),
          List.of(VitalsVerifier.PATIENTS),
          Workloads::vitals,
          new VitalsVerifier(),
          Optional.empty());

  public static final Target IOT =
      new Target(
          "iot-telemetry-service",
          List.of(IotVerifier.TELEMETRY, "iot.devices"),
          List.of("iot.devices"),
          Workloads::iot,
          new IotVerifier(),
          Optional.of(new Query("iot.devices", "/devices/%s")));

  public static final Target RECOMMENDATION =
      new Target(
          "recommendation-service",
          List.of(RecommendationVerifier.ACTIVITY, RecommendationVerifier.PRODUCTS),
          // What the service learns it also reads back as global tables.
          List.of(
              RecommendationVerifier.PRODUCTS,
              RecommendationVerifier.RELATED,
              RecommendationVerifier.TRENDING),
          Workloads::shop,
          new RecommendationVerifier(),
          Optional.of(new Query(RecommendationVerifier.PRODUCTS, "/products/%s/related")));

  public static final List<Target> ALL = List.of(FRAUD, VITALS, IOT, RECOMMENDATION);

  public static Optional<Target> named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(t -> t.name().equals(wanted) || t.name().startsWith(wanted + "-"))
        .findFirst();
  }

  public List<String> outputTopics() {
    return verifier.outputTopics();
  }

  public String deadLetterTopic() {
    return name + ".dlq";
  }

  /** Every topic to create before the service starts. */
  List<String> topics() {
    List<String> topics = new ArrayList<>(inputTopics);
    topics.addAll(outputTopics());
    topics.add(deadLetterTopic());
    return topics;
  }
}
