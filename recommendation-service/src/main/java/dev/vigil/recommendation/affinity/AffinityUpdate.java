package dev.vigil.recommendation.affinity;

import dev.vigil.common.state.StateSerdes;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * What one activity teaches about one product (the record's key): how much more it goes with each
 * of some other products, at the activity's time. All of one product's changes travel as one
 * record, so learning reads and writes its neighbours once per activity.
 */
public record AffinityUpdate(List<Contribution> contributions, Instant eventTime) {

  public AffinityUpdate {
    contributions = List.copyOf(contributions);
  }

  /**
   * Updates as they cross their repartition topic: in the binary state format, reading the JSON
   * that earlier releases wrote there too.
   */
  public static final Serde<AffinityUpdate> SERDE =
      StateSerdes.binary(AffinityUpdate.class, Contribution.class);

  /** Weight added to the pair, in signal points; {@code bought} is the part from buying both. */
  public record Contribution(String productId, double weight, double bought) {}
}
