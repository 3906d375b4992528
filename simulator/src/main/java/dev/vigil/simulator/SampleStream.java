package dev.vigil.simulator;

import java.util.List;

/** A service's simulated data: its reference data, then endless events in time order. */
public interface SampleStream {

  /** Published and flushed before any event, so the first events already find it. */
  List<SampleEvent<?>> referenceData();

  /** The next event; event times never decrease. */
  SampleEvent<?> next();

  /**
   * The ground truth of the incidents the stream has planned since the last call, as records of its
   * domain's labels topic (see {@link dev.vigil.simulator.label.LabelTopics}), the run's own record
   * first. Publishing them is optional: no service reads them.
   */
  default List<SampleEvent<?>> takeLabels() {
    return List.of();
  }

  /** Starts a service's sample stream at a time, with a seed and a rate in events per second. */
  @FunctionalInterface
  interface Factory {
    SampleStream start(long seed, java.time.Instant start, int eventsPerSecond);
  }
}
