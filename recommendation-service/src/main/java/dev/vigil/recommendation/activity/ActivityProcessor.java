package dev.vigil.recommendation.activity;

import dev.vigil.common.enrich.ReferenceData;
import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.Recommendation;
import dev.vigil.common.shop.Recommendations;
import dev.vigil.common.shop.RelatedProducts;
import dev.vigil.common.shop.Trending;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.Storage;
import dev.vigil.recommendation.affinity.AffinityUpdate;
import dev.vigil.recommendation.affinity.CoInteractions;
import dev.vigil.recommendation.ranking.Catalogue;
import dev.vigil.recommendation.ranking.Recommender;
import dev.vigil.recommendation.shopper.ShopperProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Handles each activity of a shopper's partition: remembers it in the shopper's profile, works out
 * the affinity it teaches, and after a view, add-to-cart or purchase ranks a new list for the
 * shopper. Input is keyed by user id, so a shopper's profile lives in one task; the catalogue,
 * related products and trending lists are global tables, so ranking needs no repartition.
 *
 * <p>A redelivered duplicate (same event id) is ignored. An activity too late for the shopper's
 * session (beyond the grace period) still counts for history and affinity but triggers no list. A
 * list with the same products as the previous one is not sent again. Shoppers inactive for the
 * configured TTL are forgotten on stream time: an index of shoppers by last activity gives those
 * due, so that expiry reads what it deletes and nothing else.
 */
public final class ActivityProcessor
    implements Processor<String, Activity, String, ActivityOutcome> {

  /** Shoppers forgotten per read of the index: however many are due, each read is bounded. */
  private static final int EXPIRY_BATCH = 1_000;

  private final RecommendationProperties properties;
  private final CoInteractions coInteractions;
  private final Recommender recommender;

  private ProcessorContext<String, ActivityOutcome> context;
  private KeyValueStore<String, ShopperProfile> shoppers;
  private TimeIndex expiry;
  private Catalogue catalogue;

  private ActivityProcessor(RecommendationProperties properties) {
    this.properties = properties;
    this.coInteractions = new CoInteractions(properties);
    this.recommender = new Recommender(properties);
  }

  /**
   * A supplier that also declares the shoppers' store and their expiry index, so they are wired
   * with the processor.
   */
  public static ProcessorSupplier<String, Activity, String, ActivityOutcome> supplier(
      RecommendationProperties properties, Storage storage) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Activity, String, ActivityOutcome> get() {
        return new ActivityProcessor(properties);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                storage.keyValue(RecommendationStores.SHOPPERS),
                Serdes.String(),
                ShopperProfile.SERDE),
            storage.timeIndex(RecommendationStores.SHOPPER_EXPIRY));
      }
    };
  }

  /** The catalogue as a processor sees it, from the global stores. */
  public static Catalogue catalogue(ProcessorContext<?, ?> context) {
    ReferenceData.Lookup<Product> products =
        ReferenceData.lookup(context, RecommendationStores.PRODUCTS);
    ReferenceData.Lookup<RelatedProducts> related =
        ReferenceData.lookup(context, RecommendationStores.RELATED);
    TimestampedKeyValueStore<String, Trending> trending =
        context.getStateStore(RecommendationStores.TRENDING);
    return new Catalogue(
        products::get,
        related::get,
        category -> ValueAndTimestamp.getValueOrNull(trending.get(category)),
        () -> {
          List<Trending> all = new ArrayList<>();
          try (KeyValueIterator<String, ValueAndTimestamp<Trending>> it = trending.all()) {
            it.forEachRemaining(e -> all.add(e.value.value()));
          }
          return all;
        });
  }

  @Override
  public void init(ProcessorContext<String, ActivityOutcome> context) {
    this.context = context;
    shoppers = context.getStateStore(RecommendationStores.SHOPPERS);
    expiry = TimeIndex.over(context.getStateStore(RecommendationStores.SHOPPER_EXPIRY));
    catalogue = catalogue(context);
    context.schedule(
        properties.shoppers().expiryInterval(), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, Activity> record) {
    Activity activity = record.value();
    Product product = catalogue.product(activity.productId());
    if (product == null) {
      throw new UnknownProductException(activity.productId());
    }
    ShopperProfile stored = shoppers.get(activity.userId());
    if (stored != null && stored.hasSeen(activity.eventId())) {
      return;
    }
    ShopperProfile before = stored == null ? ShopperProfile.NEW : stored;
    boolean late = before.isLate(activity.eventTime(), properties.shoppers().grace());
    List<KeyValue<String, AffinityUpdate>> affinity = coInteractions.of(before, activity);
    ShopperProfile after = before.remember(activity, properties.shoppers());
    Recommendations list = null;
    if (!late && triggersList(activity.type())) {
      List<Recommendation> items =
          recommender.rank(after, activity.productId(), activity.eventTime(), catalogue);
      if (!items.isEmpty() && !sameProducts(items, after.latest())) {
        list =
            new Recommendations(
                activity.userId(),
                activity.eventId(),
                activity.type(),
                activity.productId(),
                items,
                activity.eventTime());
        after =
            after.showing(list, properties.ranking().repeatWindow(), properties.shownToRemember());
      }
    }
    shoppers.put(activity.userId(), after);
    long lastActivity = after.lastActivity().toEpochMilli();
    if (stored == null) {
      expiry.add(lastActivity, activity.userId());
    } else {
      expiry.move(stored.lastActivity().toEpochMilli(), lastActivity, activity.userId());
    }
    context.forward(
        record
            .withKey(activity.userId())
            .withValue(new ActivityOutcome(activity, product, affinity, list)));
  }

  /** Taking something out of the cart says little about what the shopper wants next. */
  private static boolean triggersList(ActivityType type) {
    return type != ActivityType.REMOVE_FROM_CART;
  }

  private static boolean sameProducts(List<Recommendation> items, Recommendations previous) {
    return previous != null
        && previous.productIds().equals(items.stream().map(Recommendation::productId).toList());
  }

  /** Forgets the shoppers whose last activity is more than the TTL before stream time. */
  private void expire(long streamTime) {
    long oldest = streamTime - properties.shoppers().ttl().toMillis();
    List<TimeIndex.Entry> due;
    do {
      due = expiry.takeDue(oldest - 1, EXPIRY_BATCH);
      for (TimeIndex.Entry entry : due) {
        // The profile decides, and mends the index: after a crash under at-least-once, a profile's
        // write may have been kept and its entry's move lost, the activity then skipped as seen.
        ShopperProfile profile = shoppers.get(entry.id());
        if (profile != null) {
          long lastActivity = profile.lastActivity().toEpochMilli();
          if (lastActivity < oldest) {
            shoppers.delete(entry.id());
          } else {
            expiry.add(lastActivity, entry.id());
          }
        }
      }
    } while (due.size() == EXPIRY_BATCH);
  }
}
