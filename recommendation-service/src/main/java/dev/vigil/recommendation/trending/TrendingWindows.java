package dev.vigil.recommendation.trending;

import static dev.vigil.common.json.JsonSerdes.serdeFor;

import dev.vigil.common.shop.Trending;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counts each category's weighted activity in hopping windows (by default an hour long, starting
 * every five minutes) and publishes each window's top products once, when the window closes in
 * event time (its end plus the grace period).
 *
 * <p>The windows are built from panes, one per category and advance interval: an activity adds to
 * its own pane only, and a window's counts are the sum of the panes it covers when it is published.
 * The DSL's hopping windows would update every window that contains the activity (twelve with the
 * defaults), each a read and write of its counts and a write into the suppression buffer. The
 * results are the same as theirs: an activity counts in every window that contains it and has not
 * closed yet, an activity too late for all of them is dropped, and every window that contains
 * activity is published once, in order.
 */
public final class TrendingWindows implements Processor<String, TrendingSignal, String, Trending> {

  /** Pane start times in keys are zero-padded so that a category's panes sort in time order. */
  private static final String PANE_KEY = "%s/%019d";

  private static final int PANE_SUFFIX = 20;

  private final long sizeMs;
  private final long advanceMs;
  private final long graceMs;
  private final int capacity;
  private final int size;
  private ProcessorContext<String, Trending> context;
  private KeyValueStore<String, TrendingCounts> panes;
  private KeyValueStore<String, Trending> latest;

  /** The last stream time at which closed windows were looked for, in whole advance intervals. */
  private long checkedInterval = Long.MIN_VALUE;

  private TrendingWindows(RecommendationProperties.Trending trending) {
    this.sizeMs = trending.window().toMillis();
    this.advanceMs = trending.advance().toMillis();
    this.graceMs = trending.grace().toMillis();
    this.capacity = trending.candidates();
    this.size = trending.size();
  }

  /**
   * A supplier that also declares the panes' store and the store of each category's latest list.
   */
  public static ProcessorSupplier<String, TrendingSignal, String, Trending> supplier(
      RecommendationProperties.Trending trending, Storage storage) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, TrendingSignal, String, Trending> get() {
        return new TrendingWindows(trending);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                storage.keyValue(RecommendationStores.TRENDING_PANES),
                Serdes.String(),
                serdeFor(TrendingCounts.class)),
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
    panes = context.getStateStore(RecommendationStores.TRENDING_PANES);
    latest = context.getStateStore(RecommendationStores.CATEGORY_TRENDING);
  }

  @Override
  public void process(Record<String, TrendingSignal> record) {
    long streamTime = context.currentStreamTimeMs();
    long pane = record.timestamp() - Math.floorMod(record.timestamp(), advanceMs);
    // The last window containing the pane ends one window length after the pane starts.
    if (pane + sizeMs + graceMs > streamTime) {
      String key = String.format(PANE_KEY, record.key(), pane);
      TrendingCounts counts = panes.get(key);
      panes.put(
          key, (counts == null ? TrendingCounts.empty() : counts).add(record.value(), capacity));
    }
    long interval = Math.floorDiv(streamTime - graceMs, advanceMs);
    if (interval != checkedInterval) {
      checkedInterval = interval;
      publishClosed(streamTime);
    }
  }

  /** Publishes every window closed by now that was not published yet, and forgets spent panes. */
  private void publishClosed(long streamTime) {
    Map<String, TreeMap<Long, TrendingCounts>> byCategory = new TreeMap<>();
    List<String> spent = new ArrayList<>();
    try (KeyValueIterator<String, TrendingCounts> all = panes.all()) {
      while (all.hasNext()) {
        KeyValue<String, TrendingCounts> entry = all.next();
        String category = entry.key.substring(0, entry.key.length() - PANE_SUFFIX);
        long pane = Long.parseLong(entry.key.substring(entry.key.length() - PANE_SUFFIX + 1));
        byCategory.computeIfAbsent(category, c -> new TreeMap<>()).put(pane, entry.value);
        if (pane + sizeMs + graceMs <= streamTime) {
          spent.add(entry.key);
        }
      }
    }
    byCategory.forEach((category, categoryPanes) -> publish(category, categoryPanes, streamTime));
    spent.forEach(panes::delete);
  }

  private void publish(String category, TreeMap<Long, TrendingCounts> categoryPanes, long now) {
    Trending published = latest.get(category);
    long after = published == null ? Long.MIN_VALUE : published.windowEnd().toEpochMilli();
    TreeSet<Long> closed = new TreeSet<>();
    for (long pane : categoryPanes.keySet()) {
      for (long end = pane + advanceMs; end <= pane + sizeMs; end += advanceMs) {
        if (end > after && end + graceMs <= now) {
          closed.add(end);
        }
      }
    }
    for (long end : closed) {
      Trending trending =
          new Trending(
              category,
              Instant.ofEpochMilli(end - sizeMs),
              Instant.ofEpochMilli(end),
              TrendingCounts.sum(categoryPanes.subMap(end - sizeMs, end).values()).top(size));
      latest.put(category, trending);
      // Stamped with the window's last instant, as a windowed aggregation stamps its results.
      context.forward(new Record<>(category, trending, end - 1));
    }
  }
}
