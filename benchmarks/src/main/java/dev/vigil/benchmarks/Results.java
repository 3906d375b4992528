package dev.vigil.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Everything one run of the harness measured, as written to JSON and summarised in tables. */
final class Results {

  final Setup setup;
  final List<ThroughputRun> throughput = new ArrayList<>();
  final List<LatencyRun> latency = new ArrayList<>();
  final List<MemoryRun> memory = new ArrayList<>();
  final List<RecoveryRun> recovery = new ArrayList<>();
  final List<Failure> failures = new ArrayList<>();

  Results(Setup setup) {
    this.setup = setup;
  }

  /** The machine, versions and options of the run. */
  record Setup(
      String startedAt,
      String command,
      int cores,
      long memoryBytes,
      String os,
      String java,
      String kafka,
      String vigil,
      long events,
      int keys,
      long memoryEvents,
      int partitions,
      int repetitions,
      double warmupFraction,
      long commitIntervalMs,
      String heap,
      List<String> guarantees,
      List<Integer> latencyRates,
      int latencySeconds,
      int latencySegments,
      String cadence) {}

  /** How long a contender took for the preloaded input, and its memory at the end. */
  record ThroughputRun(
      String service,
      String guarantee,
      String contender,
      int repetition,
      long events,
      double seconds,
      double eventsPerSecond,
      long peakHeapMiB,
      long peakHeapAfterGcMiB,
      long peakRssBytes,
      long stateBytes) {}

  /**
   * End-to-end latency at one input rate, one histogram per segment (the warm-up segment left out),
   * in milliseconds, and the CPU the processes used over the measured segments.
   */
  record LatencyRun(
      String service,
      String guarantee,
      String contender,
      double eventsPerSecond,
      List<Segment> segments,
      long unmatched,
      CpuMeter.Use cpu) {}

  record Segment(long count, double p50, double p99, double p999, double max) {}

  /**
   * A service's memory once it has processed events of {@code keys} distinct keys, and its state on
   * disk.
   */
  record MemoryRun(
      String service,
      String guarantee,
      int keys,
      long events,
      long peakHeapMiB,
      long peakHeapAfterGcMiB,
      long peakRssBytes,
      long stateBytes) {}

  /** A service whose benchmark stopped with an error, and the error. */
  record Failure(String service, String error) {}

  /** From a restart to the first input record committed again, with the state kept or wiped. */
  record RecoveryRun(
      String service, String guarantee, boolean stateKept, long stateBytes, double seconds) {}
}
