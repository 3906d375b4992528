package dev.vigil.benchmarks;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.topic.Topic;
import dev.vigil.common.vitals.VitalsTopics;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * What the harness needs to know of a service: its main input, the reference topics it reads and,
 * where the service's output names the input it came from, that output and the id field that both
 * carry.
 */
enum ServiceSpec {
  FRAUD(
      "fraud-detection-service",
      FraudTopics.TRANSACTIONS,
      List.of(FraudTopics.ACCOUNTS, FraudTopics.RULES),
      FraudTopics.DECISIONS,
      "transactionId",
      ServiceSpec::sameField),
  RECOMMENDATION(
      "recommendation-service",
      ShopTopics.ACTIVITY,
      List.of(ShopTopics.PRODUCTS),
      ShopTopics.RECOMMENDATIONS,
      "eventId",
      ServiceSpec::sameField),
  VITALS(
      "vitals-monitor-service",
      VitalsTopics.READINGS,
      List.of(VitalsTopics.PATIENTS),
      null,
      null,
      null),
  IOT("iot-telemetry-service", IotTopics.TELEMETRY, List.of(IotTopics.DEVICES), null, null, null);

  private final String service;
  private final Topic<String, ?> input;
  private final List<Topic<String, ?>> referenceTopics;
  private final Topic<String, ?> idOutput;
  private final String idField;
  private final BiFunction<JsonNode, String, List<String>> outputIds;

  ServiceSpec(
      String service,
      Topic<String, ?> input,
      List<Topic<String, ?>> referenceTopics,
      Topic<String, ?> idOutput,
      String idField,
      BiFunction<JsonNode, String, List<String>> outputIds) {
    this.service = service;
    this.input = input;
    this.referenceTopics = referenceTopics;
    this.idOutput = idOutput;
    this.idField = idField;
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

  /** The output whose records name their input by {@link #idField()}: latency is measured there. */
  Optional<Topic<String, ?>> idOutput() {
    return Optional.ofNullable(idOutput);
  }

  String idField() {
    return idField;
  }

  /** The ids of the inputs that an output of {@link #idOutput()} answers. */
  List<String> outputIds(JsonNode output) {
    return outputIds.apply(output, idField);
  }

  /** An output that carries its input's id in the input's own field. */
  static List<String> sameField(JsonNode output, String field) {
    JsonNode id = output.get(field);
    return id == null ? List.of() : List.of(id.asString());
  }

  String pipeOutput(Contender contender) {
    return "bench." + service + "." + contender.label().replace('+', '-');
  }
}
