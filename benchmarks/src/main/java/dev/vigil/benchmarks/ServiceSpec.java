package dev.vigil.benchmarks;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.topic.Topic;
import dev.vigil.common.vitals.VitalsTopics;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the harness needs to know of a service: its main input, the reference topics it reads, the
 * fields that name an entity (spread to many distinct keys) and, where the service's output names
 * the input it came from, that output and the id field that both carry.
 */
enum ServiceSpec {
  FRAUD(
      "fraud-detection-service",
      FraudTopics.TRANSACTIONS,
      List.of(FraudTopics.ACCOUNTS, FraudTopics.RULES),
      List.of("cardId", "accountId"),
      FraudTopics.DECISIONS,
      "transactionId"),
  RECOMMENDATION(
      "recommendation-service",
      ShopTopics.ACTIVITY,
      List.of(ShopTopics.PRODUCTS),
      List.of("userId"),
      ShopTopics.RECOMMENDATIONS,
      "eventId"),
  VITALS(
      "vitals-monitor-service",
      VitalsTopics.READINGS,
      List.of(VitalsTopics.PATIENTS),
      List.of("patientId"),
      null,
      null),
  IOT(
      "iot-telemetry-service",
      IotTopics.TELEMETRY,
      List.of(IotTopics.DEVICES),
      List.of("deviceId"),
      null,
      null);

  private final String service;
  private final Topic<String, ?> input;
  private final List<Topic<String, ?>> referenceTopics;
  private final List<String> entityFields;
  private final Topic<String, ?> idOutput;
  private final String idField;

  ServiceSpec(
      String service,
      Topic<String, ?> input,
      List<Topic<String, ?>> referenceTopics,
      List<String> entityFields,
      Topic<String, ?> idOutput,
      String idField) {
    this.service = service;
    this.input = input;
    this.referenceTopics = referenceTopics;
    this.entityFields = entityFields;
    this.idOutput = idOutput;
    this.idField = idField;
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

  /** The value fields that hold the record key's entity (and its owner), rewritten together. */
  List<String> entityFields() {
    return entityFields;
  }

  /** The output whose records name their input by {@link #idField()}: latency is measured there. */
  Optional<Topic<String, ?>> idOutput() {
    return Optional.ofNullable(idOutput);
  }

  String idField() {
    return idField;
  }

  String pipeOutput(Contender contender) {
    return "bench." + service + "." + contender.label().replace('+', '-');
  }
}
