package dev.vigil.cli.service;

import static dev.vigil.cli.service.KnownTopic.keyedBy;
import static dev.vigil.cli.service.KnownTopic.keyedOutside;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.topic.Topic;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.simulator.Samples;
import dev.vigil.simulator.label.LabelTopics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services of the suite, in start order. Adding a service is adding an entry to {@link #ALL}.
 */
public final class VigilServices {

  public static final VigilService FRAUD_DETECTION =
      new VigilService(
          "fraud-detection-service",
          "fraud",
          8081,
          List.of(
              keyedBy(FraudTopics.TRANSACTIONS, "cardId"),
              keyedBy(FraudTopics.ACCOUNTS, "accountId"),
              keyedOutside(FraudTopics.RULES),
              keyedBy(FraudTopics.DECISIONS, "transactionId"),
              keyedBy(FraudTopics.ALERTS, "accountId")),
          FraudTopics.SERVICE_ACCESS,
          List.of(new AlertSource(FraudTopics.ALERTS.name(), new FraudAlertFormat())),
          Samples::payments,
          LabelTopics.FRAUD);

  public static final VigilService VITALS_MONITOR =
      new VigilService(
          "vitals-monitor-service",
          "vitals",
          8083,
          List.of(
              keyedBy(VitalsTopics.READINGS, "patientId"),
              keyedBy(VitalsTopics.PATIENTS, "patientId"),
              keyedBy(VitalsTopics.SCORES, "patientId"),
              keyedBy(VitalsTopics.ALERTS, "patientId")),
          VitalsTopics.SERVICE_ACCESS,
          List.of(new AlertSource(VitalsTopics.ALERTS.name(), new VitalsAlertFormat())),
          Samples::vitals,
          LabelTopics.VITALS);

  public static final VigilService RECOMMENDATION =
      new VigilService(
          "recommendation-service",
          "shop",
          8082,
          List.of(
              keyedBy(ShopTopics.ACTIVITY, "userId"),
              keyedBy(ShopTopics.PRODUCTS, "productId"),
              keyedBy(ShopTopics.RECOMMENDATIONS, "userId"),
              keyedBy(ShopTopics.TRENDING, "category"),
              keyedBy(ShopTopics.RELATED, "productId")),
          ShopTopics.SERVICE_ACCESS,
          List.of(
              new AlertSource(ShopTopics.RECOMMENDATIONS.name(), new RecommendationsFormat()),
              new AlertSource(ShopTopics.TRENDING.name(), new TrendingFormat())),
          Samples::shop,
          LabelTopics.SHOP);

  public static final VigilService IOT_TELEMETRY =
      new VigilService(
          "iot-telemetry-service",
          "iot",
          8084,
          List.of(
              keyedBy(IotTopics.TELEMETRY, "deviceId"),
              keyedBy(IotTopics.DEVICES, "deviceId"),
              keyedBy(IotTopics.AGGREGATES, "deviceId"),
              keyedBy(IotTopics.ZONE_STATS, "zone"),
              keyedBy(IotTopics.SEGMENT_STATS, "zone"),
              keyedBy(IotTopics.LATE, "deviceId"),
              keyedOutside(IotTopics.ALERTS)),
          IotTopics.SERVICE_ACCESS,
          List.of(new AlertSource(IotTopics.ALERTS.name(), new IotAlertFormat())),
          Samples::iot,
          LabelTopics.IOT);

  public static final List<VigilService> ALL =
      List.of(FRAUD_DETECTION, VITALS_MONITOR, RECOMMENDATION, IOT_TELEMETRY);

  private VigilServices() {}

  /**
   * Every topic of every service once, by name (topics that two services share appear once), and
   * the simulator's labels topics.
   */
  public static List<Topic<?, ?>> topics() {
    Map<String, Topic<?, ?>> byName = new LinkedHashMap<>();
    ALL.forEach(s -> s.topics().forEach(t -> byName.putIfAbsent(t.name(), t.topic())));
    ALL.forEach(s -> byName.putIfAbsent(s.labels().name(), s.labels()));
    return List.copyOf(byName.values());
  }

  public static Optional<KnownTopic> topic(String name) {
    return ALL.stream()
        .flatMap(s -> s.topics().stream())
        .filter(t -> t.name().equals(name))
        .findFirst();
  }

  public static boolean isDeadLetterTopic(String topic) {
    return topic.endsWith(".dlq");
  }
}
