package dev.vigil.recommendation.trending;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.shop.Trending;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.Storage;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns a closed window's counts into its category's trending list, remembers it as the category's
 * latest (for the API) and passes it on keyed by category. A window that closes after a newer one
 * was published changes nothing.
 */
public final class TrendingPublisher
    implements Processor<Windowed<String>, TrendingCounts, String, Trending> {

  private final int size;
  private ProcessorContext<String, Trending> context;
  private KeyValueStore<String, Trending> latest;

  private TrendingPublisher(int size) {
    this.size = size;
  }

  /** A supplier that also declares the store of each category's latest list. */
  public static ProcessorSupplier<Windowed<String>, TrendingCounts, String, Trending> supplier(
      int size, Storage storage) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<Windowed<String>, TrendingCounts, String, Trending> get() {
        return new TrendingPublisher(size);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                storage.keyValue(RecommendationStores.CATEGORY_TRENDING),
                Serdes.String(),
                serdeFor(Trending.class)));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Trending> context) {
    this.context = context;
    latest = context.getStateStore(RecommendationStores.CATEGORY_TRENDING);
  }

  @Override
  public void process(Record<Windowed<String>, TrendingCounts> record) {
    String category = record.key().key();
    Trending trending =
        new Trending(
            category,
            Instant.ofEpochMilli(record.key().window().start()),
            Instant.ofEpochMilli(record.key().window().end()),
            record.value().top(size));
    Trending published = latest.get(category);
    if (published != null && !trending.windowEnd().isAfter(published.windowEnd())) {
      return;
    }
    latest.put(category, trending);
    context.forward(record.withKey(category).withValue(trending));
  }
}
