package dev.vigil.simulator;

import java.util.List;

/** A service's sample data for the demo: its reference data, then endless events in time order. */
public interface SampleStream {

  /** Published and flushed before any event, so the first events already find it. */
  List<SampleEvent<?>> referenceData();

  /** The next event; event times never decrease. */
  SampleEvent<?> next();

  /** Starts a service's sample stream at a time, with a seed and a rate in events per second. */
  @FunctionalInterface
  interface Factory {
    SampleStream start(long seed, java.time.Instant start, int eventsPerSecond);
  }
}
