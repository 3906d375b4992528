package dev.vigil.recommendation.trending;

import dev.vigil.common.shop.Trending.TrendingProduct;
import dev.vigil.common.state.StateSerdes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * Weighted activity per product of one category in one window, for at most {@code capacity}
 * products. When a new product arrives at capacity it replaces the least active one and inherits
 * its count (Metwally et al., Space-Saving): a product's count may be overestimated by at most the
 * count it inherited, but a product with more than 1/capacity of the window's activity is never
 * replaced.
 */
public record TrendingCounts(Map<String, Double> scores) {

  /** A pane's counts as stored, in the binary state format. */
  static final Serde<TrendingCounts> SERDE = StateSerdes.binary(TrendingCounts.class);

  public static TrendingCounts empty() {
    return new TrendingCounts(Map.of());
  }

  public TrendingCounts {
    scores = Map.copyOf(scores);
  }

  public TrendingCounts add(TrendingSignal signal, int capacity) {
    Map<String, Double> updated = new TreeMap<>(scores);
    if (updated.containsKey(signal.productId()) || updated.size() < capacity) {
      updated.merge(signal.productId(), signal.weight(), Double::sum);
    } else {
      Map.Entry<String, Double> least =
          updated.entrySet().stream()
              .min(
                  Map.Entry.<String, Double>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey()))
              .orElseThrow();
      updated.remove(least.getKey());
      updated.put(signal.productId(), least.getValue() + signal.weight());
    }
    return new TrendingCounts(updated);
  }

  /** Counts added up, as the panes of a window make the window's counts. */
  public static TrendingCounts sum(Collection<TrendingCounts> parts) {
    Map<String, Double> total = new HashMap<>();
    parts.forEach(
        part -> part.scores().forEach((id, score) -> total.merge(id, score, Double::sum)));
    return new TrendingCounts(total);
  }

  /** The most active products, best first; ties go to the smaller product id. */
  public List<TrendingProduct> top(int n) {
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
    ranked.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    List<TrendingProduct> top = new ArrayList<>(Math.min(n, ranked.size()));
    for (int i = 0; i < Math.min(n, ranked.size()); i++) {
      top.add(new TrendingProduct(ranked.get(i).getKey(), i + 1, ranked.get(i).getValue()));
    }
    return top;
  }
}
