package dev.vigil.recommendation;

import static dev.vigil.common.shop.ShopTopics.ACTIVITY;
import static dev.vigil.common.shop.ShopTopics.PRODUCTS;
import static dev.vigil.common.shop.ShopTopics.RECOMMENDATIONS;
import static dev.vigil.common.shop.ShopTopics.RELATED;
import static dev.vigil.common.shop.ShopTopics.TRENDING;

import dev.vigil.common.metrics.MeasuredEmission;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.recommendation.activity.ActivityOutcome;
import dev.vigil.recommendation.activity.ActivityProcessor;
import dev.vigil.recommendation.affinity.AffinityLearning;
import dev.vigil.recommendation.affinity.AffinityUpdate;
import dev.vigil.recommendation.trending.TrendingSignal;
import dev.vigil.recommendation.trending.TrendingWindows;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Learns from shopper activity and recommends products.
 *
 * <p>Activity arrives keyed by user id and stays so for what is per shopper: the profile and the
 * ranking of their list. Learning is per product and trending per category, so each is re-keyed
 * once, through its own named repartition topic: {@value #AFFINITY_BY_PRODUCT} carries what each
 * activity teaches about each product, {@value #ACTIVITY_BY_CATEGORY} each activity's weight for
 * its category. The learned neighbours and the trending lists are published ({@code shop.related},
 * {@code shop.trending}) and read back as global tables, with the catalogue, so that every instance
 * ranks any shopper's list from local state. What the service keeps for itself, its stores and both
 * repartition topics, is in the binary state format; what it publishes stays JSON.
 */
public final class RecommendationTopology {

  public static final String ACTIVITY_SOURCE = "activity-source";
  public static final String HANDLE_ACTIVITY = "handle-activity";
  public static final String RECOMMENDATIONS_SINK = "recommendations-sink";
  public static final String KEY_BY_PRODUCT = "key-by-product";
  public static final String AFFINITY_BY_PRODUCT = "affinity-by-product";
  public static final String LEARN_AFFINITY = "learn-affinity";
  public static final String RELATED_SINK = "related-sink";
  public static final String KEY_BY_CATEGORY = "key-by-category";
  public static final String ACTIVITY_BY_CATEGORY = "activity-by-category";
  public static final String COUNT_TRENDING = "count-trending";
  public static final String TRENDING_SINK = "trending-sink";

  private final RecommendationProperties properties;
  private final VigilMetrics metrics;
  private final Storage storage;

  public RecommendationTopology(RecommendationProperties properties, VigilMetrics metrics) {
    this(properties, metrics, Storage.PERSISTENT);
  }

  public RecommendationTopology(
      RecommendationProperties properties, VigilMetrics metrics, Storage storage) {
    this.properties = properties;
    this.metrics = metrics;
    this.storage = storage;
  }

  public void build(StreamsBuilder builder) {
    storage.globalTable(builder, PRODUCTS, RecommendationStores.PRODUCTS);
    storage.globalTable(builder, RELATED, RecommendationStores.RELATED);
    storage.globalTable(builder, TRENDING, RecommendationStores.TRENDING);

    KStream<String, ActivityOutcome> outcomes =
        builder.stream(ACTIVITY.name(), ACTIVITY.consumed().withName(ACTIVITY_SOURCE))
            .process(ActivityProcessor.supplier(properties, storage), Named.as(HANDLE_ACTIVITY));

    recommend(outcomes);
    learnAffinity(outcomes);
    countTrending(outcomes);
  }

  private void recommend(KStream<String, ActivityOutcome> outcomes) {
    outcomes
        .filter((userId, outcome) -> outcome.recommendations() != null, Named.as("with-list"))
        .mapValues(ActivityOutcome::recommendations, Named.as("to-recommendations"))
        .processValues(
            MeasuredEmission.of(metrics, RECOMMENDATIONS.name()),
            Named.as("measure-recommendations"))
        .to(RECOMMENDATIONS.name(), RECOMMENDATIONS.produced().withName(RECOMMENDATIONS_SINK));
  }

  private void learnAffinity(KStream<String, ActivityOutcome> outcomes) {
    Serde<AffinityUpdate> updates = AffinityUpdate.SERDE;
    AffinityLearning learning = new AffinityLearning(properties);
    outcomes
        .flatMap((userId, outcome) -> outcome.affinity(), Named.as(KEY_BY_PRODUCT))
        .repartition(Repartitioned.with(Serdes.String(), updates).withName(AFFINITY_BY_PRODUCT))
        .groupByKey(Grouped.with(Serdes.String(), updates))
        .aggregate(
            () -> AffinityLearning.NOTHING,
            learning::learn,
            Named.as(LEARN_AFFINITY),
            Materialized.<String, RelatedProducts>as(
                    storage.keyValue(RecommendationStores.PRODUCT_NEIGHBOURS))
                .withKeySerde(RELATED.keySerde())
                .withValueSerde(AffinityLearning.NEIGHBOURS_SERDE))
        // Emitted through the store's cache: under load a product's list is published at most
        // once per commit interval, however many activities change it.
        .toStream(Named.as("related-changes"))
        .processValues(MeasuredEmission.of(metrics, RELATED.name()), Named.as("measure-related"))
        .to(RELATED.name(), RELATED.produced().withName(RELATED_SINK));
  }

  private void countTrending(KStream<String, ActivityOutcome> outcomes) {
    Serde<TrendingSignal> signals = TrendingSignal.SERDE;
    RecommendationProperties.Trending trending = properties.trending();
    outcomes
        .flatMap(
            (userId, outcome) -> {
              double weight = properties.signals().weight(outcome.activity().type());
              return weight > 0
                  ? List.of(
                      KeyValue.pair(
                          outcome.product().category(),
                          new TrendingSignal(outcome.activity().productId(), weight)))
                  : List.of();
            },
            Named.as(KEY_BY_CATEGORY))
        .repartition(Repartitioned.with(Serdes.String(), signals).withName(ACTIVITY_BY_CATEGORY))
        // One list per category and window, when it can no longer change: with the defaults, a
        // category's trending is updated every five minutes.
        .process(TrendingWindows.supplier(trending, storage), Named.as(COUNT_TRENDING))
        .processValues(MeasuredEmission.of(metrics, TRENDING.name()), Named.as("measure-trending"))
        .to(TRENDING.name(), TRENDING.produced().withName(TRENDING_SINK));
  }
}
