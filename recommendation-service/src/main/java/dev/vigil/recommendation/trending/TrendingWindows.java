package dev.vigil.recommendation.trending;

import dev.vigil.common.shop.Trending;
import dev.vigil.common.shop.Trending.TrendingProduct;
import dev.vigil.common.state.StateSerdes;
import dev.vigil.common.state.TimeIndex;
import dev.vigil.recommendation.RecommendationProperties;
import dev.vigil.recommendation.RecommendationStores;
import dev.vigil.recommendation.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Counts each category's weighted activity in hopping windows (by default an hour long, starting
 * every five minutes) and publishes each window's top products once, when the window closes in
 * event time (its end plus the grace period).
 *
 * <p>The windows are built from panes, one per category and advance interval, kept in a window
 * store whose windows are the panes: an activity adds to its own pane only, and a window's counts
 * are the sum of the panes it covers when it is published. The DSL's hopping windows would update
 * every window that contains the activity (twelve with the defaults), each a read and write of its
 * counts and a write into the suppression buffer. The results are the same as theirs: an activity
 * counts in every window that contains it and has not closed yet, an activity too late for all of
 * them is dropped, and every window that contains activity is published once, in order.
 *
 * <p>An index of categories by when their next window with activity closes says whose windows to
 * publish, so that publishing reads the panes of those categories only. A pane is kept as long as
 * the last window containing it is open (the store's retention); then it goes with its segment.
 */
public final class TrendingWindows implements Processor<String, TrendingSignal, String, Trending> {

  /** Each category's latest list as stored, in the binary state format. */
  static final Serde<Trending> PUBLISHED_SERDE =
      StateSerdes.binary(Trending.class, TrendingProduct.class);

  /** Categories read per read of the index: however many are due, each read is bounded. */
  private static final int DUE_BATCH = 1_000;

  private final long sizeMs;
  private final long advanceMs;
  private final long graceMs;
  private final int capacity;
  private final int size;
  private ProcessorContext<String, Trending> context;
  private WindowStore<String, TrendingCounts> panes;
  private TimeIndex due;
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
   * A supplier that also declares the panes' store, the index of categories due and the store of
   * each category's latest list.
   */
  public static ProcessorSupplier<String, TrendingSignal, String, Trending> supplier(
      RecommendationProperties.Trending trending, Storage storage) {
    // A pane is read until the last window containing it closes, one window and the grace period
    // after the pane starts.
    Duration retention = trending.window().plus(trending.grace());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, TrendingSignal, String, Trending> get() {
        return new TrendingWindows(trending);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.windowStoreBuilder(
                storage.window(RecommendationStores.TRENDING_PANES, retention, trending.advance()),
                Serdes.String(),
                TrendingCounts.SERDE),
            storage.timeIndex(RecommendationStores.TRENDING_DUE),
            Stores.keyValueStoreBuilder(
                storage.keyValue(RecommendationStores.CATEGORY_TRENDING),
                Serdes.String(),
                PUBLISHED_SERDE));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Trending> context) {
    this.context = context;
    panes = context.getStateStore(RecommendationStores.TRENDING_PANES);
    due = TimeIndex.over(context.getStateStore(RecommendationStores.TRENDING_DUE));
    latest = context.getStateStore(RecommendationStores.CATEGORY_TRENDING);
  }

  @Override
  public void process(Record<String, TrendingSignal> record) {
    long streamTime = context.currentStreamTimeMs();
    // Before the record is counted: counting moves the panes' store on to the record's pane, and a
    // record that moves stream time far would take the panes of the windows it closes out of the
    // store's retention. The record itself counts in none of those windows: one that moves stream
    // time on is newer than their ends, and closed windows are looked for only when stream time
    // moves into another interval (or first after a restart, when they were published already).
    long interval = Math.floorDiv(streamTime - graceMs, advanceMs);
    if (interval != checkedInterval) {
      checkedInterval = interval;
      publishClosed(streamTime);
    }
    long pane = record.timestamp() - Math.floorMod(record.timestamp(), advanceMs);
    // The last window containing the pane ends one window length after the pane starts.
    if (pane + sizeMs + graceMs > streamTime) {
      count(record.key(), pane, record.value());
    }
  }

  private void count(String category, long pane, TrendingSignal signal) {
    TrendingCounts counts = panes.fetch(category, pane);
    if (counts == null) {
      counts = TrendingCounts.empty();
      long after = publishedUpTo(category);
      due.add(Math.max(pane, after) + advanceMs + graceMs, category);
    }
    panes.put(category, counts.add(signal, capacity), pane);
  }

  /** Publishes every window closed by now that was not published yet. */
  private void publishClosed(long streamTime) {
    SortedSet<String> categories = new TreeSet<>();
    List<TimeIndex.Entry> taken;
    do {
      taken = due.takeDue(streamTime, DUE_BATCH);
      taken.forEach(entry -> categories.add(entry.id()));
    } while (taken.size() == DUE_BATCH);
    categories.forEach(category -> publish(category, streamTime));
  }

  private void publish(String category, long now) {
    long after = publishedUpTo(category);
    TreeMap<Long, TrendingCounts> categoryPanes = new TreeMap<>();
    // The panes of windows not published yet; the store's retention bounds the range.
    long from = after == Long.MIN_VALUE ? 0 : Math.max(0, after + advanceMs - sizeMs);
    try (WindowStoreIterator<TrendingCounts> found = panes.fetch(category, from, now)) {
      found.forEachRemaining(pane -> categoryPanes.put(pane.key, pane.value));
    }
    TreeSet<Long> closed = new TreeSet<>();
    for (long pane : categoryPanes.keySet()) {
      for (long end = pane + advanceMs; end <= pane + sizeMs; end += advanceMs) {
        if (end > after && end + graceMs <= now) {
          closed.add(end);
        }
      }
    }
    Trending trending = null;
    for (long end : closed) {
      trending =
          new Trending(
              category,
              Instant.ofEpochMilli(end - sizeMs),
              Instant.ofEpochMilli(end),
              TrendingCounts.sum(categoryPanes.subMap(end - sizeMs, end).values()).top(size));
      // Stamped with the window's last instant, as a windowed aggregation stamps its results.
      context.forward(new Record<>(category, trending, end - 1));
    }
    if (trending != null) {
      latest.put(category, trending);
    }
    long publishedUpTo = closed.isEmpty() ? after : closed.last();
    OptionalLong next =
        categoryPanes.keySet().stream()
            .filter(pane -> pane + sizeMs > publishedUpTo)
            .mapToLong(pane -> Math.max(pane, publishedUpTo) + advanceMs)
            .min();
    if (next.isPresent()) {
      due.add(next.getAsLong() + graceMs, category);
    }
  }

  /** The end of the category's last published window, or {@link Long#MIN_VALUE} before one. */
  private long publishedUpTo(String category) {
    Trending published = latest.get(category);
    return published == null ? Long.MIN_VALUE : published.windowEnd().toEpochMilli();
  }
}
