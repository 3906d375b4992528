package dev.vigil.recommendation.affinity;

import java.time.Instant;
import java.util.List;

/**
 * What one activity teaches about one product (the record's key): how much more it goes with each
 * of some other products, at the activity's time. All of one product's changes travel as one
 * record, so learning reads and writes its neighbours once per activity.
 */
public record AffinityUpdate(List<Contribution> contributions, Instant eventTime) {

  public AffinityUpdate {
    contributions = List.copyOf(contributions);
  }

  /** Weight added to the pair, in signal points; {@code bought} is the part from buying both. */
  public record Contribution(String productId, double weight, double bought) {}
}
