package dev.vigil.benchmarks;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.topic.Topic;
import dev.vigil.common.topic.TopicAccess;
import dev.vigil.common.vitals.VitalsTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What the harness needs to know of a service: its main input, the reference topics it reads, and
 * the output whose records name the input they answer, with how each names it: latency is measured
 * from an input to the first output that names it.
 */
enum ServiceSpec {
  FRAUD(
      "fraud-detection-service",
      FraudTopics.TRANSACTIONS,
      List.of(FraudTopics.ACCOUNTS, FraudTopics.RULES),
      FraudTopics.DECISIONS,
      field("transactionId"),
      idIn("transactionId")),
  RECOMMENDATION(
      "recommendation-service",
      ShopTopics.ACTIVITY,
      List.of(ShopTopics.PRODUCTS),
      ShopTopics.RECOMMENDATIONS,
      field("eventId"),
      idIn("eventId")),
  /** A NEWS2 score names every reading it used; it answers the newest, the one that changed it. */
  VITALS(
      "vitals-monitor-service",
      VitalsTopics.READINGS,
      List.of(VitalsTopics.PATIENTS),
      VitalsTopics.SCORES,
      field("readingId"),
      ServiceSpec::readingsUsed),
  /**
   * A reading has no id of its own: its device and event time identify it, and an alert it opens or
   * closes carries both.
   */
  IOT(
      "iot-telemetry-service",
      IotTopics.TELEMETRY,
      List.of(IotTopics.DEVICES),
      IotTopics.ALERTS,
      ServiceSpec::deviceReading,
      output -> List.of(deviceReading(output)));

  private final String service;
  private final Topic<String, ?> input;
  private final List<Topic<String, ?>> referenceTopics;
  private final Topic<String, ?> idOutput;
  private final Function<JsonNode, String> inputId;
  private final Function<JsonNode, List<String>> outputIds;

  ServiceSpec(
      String service,
      Topic<String, ?> input,
      List<Topic<String, ?>> referenceTopics,
      Topic<String, ?> idOutput,
      Function<JsonNode, String> inputId,
      Function<JsonNode, List<String>> outputIds) {
    this.service = service;
    this.input = input;
    this.referenceTopics = referenceTopics;
    this.idOutput = idOutput;
    this.inputId = inputId;
    this.outputIds = outputIds;
  }

  static Optional<ServiceSpec> named(String service) {
    return Arrays.stream(values()).filter(s -> s.service.equals(service)).findFirst();
  }

  String service() {
    return service;
  }

  Topic<String, ?> input() {
    return input;
  }

  List<Topic<String, ?>> referenceTopics() {
    return referenceTopics;
  }

  /** The output whose records name their inputs: latency is measured there. */
  Topic<String, ?> idOutput() {
    return idOutput;
  }

  /** The id of an input event, as {@link #outputIds} names it (a pipe's output is a copy). */
  String inputId(JsonNode event) {
    return inputId.apply(event);
  }

  /** The ids of the inputs that an output of {@link #idOutput()} answers. */
  List<String> outputIds(JsonNode output) {
    return outputIds.apply(output);
  }

  /** The topics the service writes (its dead-letter topic aside). */
  TopicAccess access() {
    return switch (this) {
      case FRAUD -> FraudTopics.SERVICE_ACCESS;
      case RECOMMENDATION -> ShopTopics.SERVICE_ACCESS;
      case VITALS -> VitalsTopics.SERVICE_ACCESS;
      case IOT -> IotTopics.SERVICE_ACCESS;
    };
  }

  String pipeOutput(Contender contender) {
    return "bench." + service + "." + contender.label().replace('+', '-');
  }

  private static Function<JsonNode, String> field(String name) {
    return node -> {
      JsonNode id = node.get(name);
      if (id == null) {
        throw new IllegalArgumentException("An event without " + name + ": " + node);
      }
      return id.asString();
    };
  }

  /** The id in an output's field, if it has one. */
  private static Function<JsonNode, List<String>> idIn(String name) {
    return node -> {
      JsonNode id = node.get(name);
      return id == null ? List.of() : List.of(id.asString());
    };
  }

  private static List<String> readingsUsed(JsonNode score) {
    List<String> ids = new ArrayList<>();
    score.path("readings").forEach(m -> ids.add(m.path("readingId").asString()));
    return ids;
  }

  private static String deviceReading(JsonNode event) {
    return event.path("deviceId").asString()
        + "@"
        + Instant.parse(event.path("eventTime").asString()).toEpochMilli();
  }
}
