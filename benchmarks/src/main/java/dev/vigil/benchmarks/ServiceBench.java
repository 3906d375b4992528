package dev.vigil.benchmarks;

import dev.vigil.benchmarks.Results.LatencyRun;
import dev.vigil.benchmarks.Results.MemoryRun;
import dev.vigil.benchmarks.Results.RecoveryRun;
import dev.vigil.benchmarks.Results.Segment;
import dev.vigil.benchmarks.Results.ThroughputRun;
import dev.vigil.localkafka.Directories;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmarks of one service: throughput and latency, then memory and recovery. */
final class ServiceBench {

  /**
   * A contender that commits nothing for this long has failed. A long run is not a failure: the
   * default million events keep the slowest service here busy for over ten minutes a run.
   */
  private static final Duration STALL_TIMEOUT = Duration.ofMinutes(10);

  private static final Duration FIRST_OUTPUT_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration DRAIN_QUIET = Duration.ofSeconds(3);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final long HIGHEST_LATENCY_MICROS = Duration.ofHours(1).toNanos() / 1_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ServiceSpec spec;
  private final Bench.Options options;
  private final Cluster cluster;
  private final Launcher launcher;
  private final Results results;
  private final PrintWriter out;
  private final Clock clock;
  private final Workload workload;
  private final String input;
  private long inputEvents;

  ServiceBench(
      ServiceSpec spec,
      Bench.Options options,
      Cluster cluster,
      Launcher launcher,
      Results results,
      PrintWriter out,
      Clock clock,
      Instant dataStart) {
    this.spec = spec;
    this.clock = clock;
    this.options = options;
    this.cluster = cluster;
    this.launcher = launcher;
    this.results = results;
    this.out = out;
    this.workload = new Workload(spec, options.seed, dataStart, options.keys, options.cadence);
    this.input = spec.input().name();
  }

  void run() throws InterruptedException {
    preload();
    String recoveryApp = throughput();
    memoryAndRecovery(recoveryApp);
  }

  private void preload() {
    cluster.createTopics(
        Stream.concat(
                Stream.of(input),
                Stream.of(Contender.PIPE, Contender.PIPE_JSON).map(spec::pipeOutput))
            .toList(),
        spec.referenceTopics().stream().map(t -> t.name()).toList());
    long began = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = cluster.producer(20)) {
      workload.referenceData().forEach(producer::send);
      for (long i = 0; i < options.events; i++) {
        producer.send(workload.next());
      }
      producer.flush();
    }
    inputEvents = Cluster.sum(cluster.endOffsets(input));
    out.printf(
        "%s: preloaded %,d events over %,d keys in %.1f s%n",
        spec.service(), inputEvents, options.keys, (System.nanoTime() - began) / 1e9);
  }

  /**
   * Runs each contender through the preloaded input, repetition by repetition, so that a drift of
   * the machine's load spreads over all of them. The last repetition's service and pipe stay up for
   * the latency runs, caught up and with the state of every key: the service runs first in each
   * repetition, so its median rate, which sets the latency loads, is known by then.
   *
   * @return the application id of the first service run, whose state recovery restarts from
   */
  private String throughput() throws InterruptedException {
    String first = null;
    long warmup = (long) (inputEvents * options.warmupFraction);
    for (String guarantee : options.guarantees) {
      for (int rep = 1; rep <= options.repetitions; rep++) {
        for (Contender contender :
            List.of(Contender.SERVICE, Contender.PIPE, Contender.PIPE_JSON)) {
          String group = name(contender, guarantee, "t" + rep);
          ContenderProcess process =
              contender.baseline()
                  ? launcher.pipe(spec, contender, group, guarantee)
                  : launcher.service(spec, group, guarantee);
          Throughput.Timing timing;
          ContenderProcess.HeapUse heap;
          long rss;
          try (process) {
            timing =
                Throughput.await(
                    cluster, process, group, input, inputEvents, warmup, STALL_TIMEOUT);
            heap = process.heapUse();
            rss = process.peakRssBytes();
            if (rep == options.repetitions && contender != Contender.PIPE_JSON) {
              latency(process, group, contender, guarantee);
            }
          }
          long state = contender.baseline() ? 0 : Directories.sizeOf(launcher.stateDir(group));
          if (!contender.baseline() && first == null) {
            first = group;
          }
          ThroughputRun run =
              new ThroughputRun(
                  spec.service(),
                  guarantee,
                  contender.label(),
                  rep,
                  timing.events(),
                  timing.seconds(),
                  timing.events() / timing.seconds(),
                  heap.peakMiB(),
                  heap.peakAfterGcMiB(),
                  rss,
                  state);
          results.throughput.add(run);
          out.printf(
              "%s %s %s #%d: %,.0f events/s (%,d events in %.2f s), heap peak %d MiB, RSS %d MiB%n",
              spec.service(),
              guarantee,
              contender.label(),
              rep,
              run.eventsPerSecond(),
              run.events(),
              run.seconds(),
              run.peakHeapMiB(),
              rss / (1024 * 1024));
        }
      }
    }
    return first;
  }

  /**
   * Restarts the first service run with its state kept, with new events waiting until every one of
   * {@code --keys} entities has had one (at most {@code --memory-events}), and measures the memory
   * once it has caught up; then restarts it with its state wiped, with {@code --recovery-events}
   * waiting.
   */
  private void memoryAndRecovery(String applicationId) throws InterruptedException {
    String guarantee = options.guarantees.get(0);
    Path stateDir = launcher.stateDir(applicationId);
    long before = cluster.committed(applicationId, input);
    produceUntilKeys(options.keys, options.memoryEvents);
    long end = Cluster.sum(cluster.endOffsets(input));
    double keptSeconds;
    ContenderProcess.HeapUse heap;
    long rss;
    try (ContenderProcess process = launcher.service(spec, applicationId, guarantee)) {
      keptSeconds =
          Throughput.awaitProgress(cluster, process, applicationId, input, before, STALL_TIMEOUT);
      Throughput.await(cluster, process, applicationId, input, end, end, STALL_TIMEOUT);
      heap = process.heapUse();
      rss = process.peakRssBytes();
    }
    long state = Directories.sizeOf(stateDir);
    results.memory.add(
        new MemoryRun(
            spec.service(),
            guarantee,
            workload.distinctKeys(),
            end,
            heap.peakMiB(),
            heap.peakAfterGcMiB(),
            rss,
            state));
    out.printf(
        "%s memory after %,d events over %,d keys: heap peak %d MiB (%d MiB after GC), RSS %d MiB,"
            + " state %,d bytes%n",
        spec.service(),
        end,
        workload.distinctKeys(),
        heap.peakMiB(),
        heap.peakAfterGcMiB(),
        rss / (1024 * 1024),
        state);
    recovered(guarantee, true, state, keptSeconds);

    Directories.delete(stateDir);
    before = cluster.committed(applicationId, input);
    produce(options.recoveryEvents);
    try (ContenderProcess process = launcher.service(spec, applicationId, guarantee)) {
      recovered(
          guarantee,
          false,
          state,
          Throughput.awaitProgress(cluster, process, applicationId, input, before, STALL_TIMEOUT));
    }
  }

  private void recovered(String guarantee, boolean kept, long state, double seconds) {
    results.recovery.add(new RecoveryRun(spec.service(), guarantee, kept, state, seconds));
    out.printf(
        "%s restarted with its state %s (%,d bytes): processing again after %.1f s%n",
        spec.service(), kept ? "kept" : "wiped", state, seconds);
  }

  private void produceUntilKeys(int keys, long most) {
    try (KafkaProducer<String, byte[]> producer = cluster.producer(20)) {
      for (long i = 0; i < most && workload.distinctKeys() < keys; i++) {
        producer.send(workload.next());
      }
      producer.flush();
    }
  }

  private void produce(long count) {
    try (KafkaProducer<String, byte[]> producer = cluster.producer(20)) {
      for (long i = 0; i < count; i++) {
        producer.send(workload.next());
      }
      producer.flush();
    }
  }

  /** Latency at each of the fixed input rates, on a contender that has caught up. */
  private void latency(
      ContenderProcess process, String group, Contender contender, String guarantee)
      throws InterruptedException {
    // By the second guarantee the input holds more than the preload: the first one's latency runs
    // appended their events. A contender still working through them is busy, not slow.
    long backlog = Throughput.awaitCaughtUp(cluster, process, group, input, STALL_TIMEOUT);
    if (backlog > 0) {
      out.printf(
          "%s %s %s: caught up with %,d events still in its input before its latency runs%n",
          spec.service(), guarantee, contender.label(), backlog);
    }
    String output = contender.baseline() ? spec.pipeOutput(contender) : spec.idOutput().name();
    Function<JsonNode, List<String>> ids =
        contender.baseline() ? node -> List.of(spec.inputId(node)) : spec::outputIds;
    try (LatencyProbe probe = new LatencyProbe(cluster, output, ids);
        KafkaProducer<String, byte[]> producer = cluster.producer(0)) {
      awaitFirstOutput(process, probe, producer);
      for (int rate : options.latencyRates) {
        results.latency.add(measure(process, probe, producer, guarantee, contender, rate));
      }
    }
  }

  /** Sends single events until one comes out: the contender has caught up with its backlog. */
  private void awaitFirstOutput(
      ContenderProcess process, LatencyProbe probe, KafkaProducer<String, byte[]> producer)
      throws InterruptedException {
    Histogram ignored = histogram();
    long begin = System.nanoTime();
    while (probe.matched() == 0) {
      process.checkAlive();
      if (System.nanoTime() - begin > FIRST_OUTPUT_TIMEOUT.toNanos()) {
        throw new IllegalStateException(
            process.name()
                + " wrote no output within "
                + FIRST_OUTPUT_TIMEOUT.toMinutes()
                + " min");
      }
      ProducerRecord<String, byte[]> record = workload.latencyEvent(clock.instant());
      probe.expect(spec.inputId(JSON.readTree(record.value())), System.nanoTime(), ignored);
      producer.send(record);
      Thread.sleep(200);
    }
    drain(probe);
    probe.forget();
  }

  private LatencyRun measure(
      ContenderProcess process,
      LatencyProbe probe,
      KafkaProducer<String, byte[]> producer,
      String guarantee,
      Contender contender,
      double rate)
      throws InterruptedException {
    int perSegment = (int) Math.max(1, rate * options.latencySeconds);
    int segments = options.latencySegments + 1;
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(perSegment * segments);
    List<String> ids = new ArrayList<>(perSegment * segments);
    // Each event carries the wall-clock time it is due at as its event time, where its kind of
    // event takes it from the harness (vitals and IoT readings), so that it is never in the future.
    Instant base = clock.instant();
    long intervalNanosRounded = (long) (1e9 / rate);
    for (int i = 0; i < perSegment * segments; i++) {
      ProducerRecord<String, byte[]> record =
          workload.latencyEvent(base.plusNanos(i * intervalNanosRounded));
      records.add(record);
      ids.add(spec.inputId(JSON.readTree(record.value())));
    }
    List<Histogram> histograms = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      histograms.add(histogram());
    }
    double intervalNanos = 1e9 / rate;
    CpuMeter cpu = new CpuMeter(process.pid(), cluster.brokerPid());
    CpuMeter.Reading measuredFrom = null;
    long start = System.nanoTime();
    for (int i = 0; i < records.size(); i++) {
      if (i == perSegment) {
        measuredFrom = cpu.read();
      }
      // Latency counts from when the event was due, not from when it was sent: a load generator
      // that falls behind must not hide the wait (coordinated omission).
      long due = start + (long) (i * intervalNanos);
      // Parked, not spinning: on two cores a spinning load generator takes the core the broker
      // and the contender need (it used 50-80% of one at a thousand events/s).
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      probe.expect(ids.get(i), due, histograms.get(i / perSegment));
      producer.send(records.get(i));
      if (i % 1000 == 0) {
        process.checkAlive();
      }
    }
    producer.flush();
    CpuMeter.Reading measuredTo = cpu.read();
    drain(probe);
    long unmatched = probe.forget();
    List<Segment> measured = new ArrayList<>();
    for (Histogram h : histograms.subList(1, segments)) {
      synchronized (h) {
        measured.add(
            new Segment(
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0));
      }
    }
    LatencyRun run =
        new LatencyRun(
            spec.service(),
            guarantee,
            contender.label(),
            rate,
            measured,
            unmatched,
            CpuMeter.between(measuredFrom, measuredTo));
    out.printf(
        "%s %s %s at %,.0f events/s: p99 %s ms per segment, %d without output;"
            + " CPU %% contender %.0f, broker %.0f, harness %.0f, machine busy %.0f%%%n",
        spec.service(),
        guarantee,
        contender.label(),
        rate,
        measured.stream().map(s -> String.format("%.1f", s.p99())).toList(),
        unmatched,
        run.cpu().contender(),
        run.cpu().broker(),
        run.cpu().harness(),
        run.cpu().machine());
    return run;
  }

  /** Waits until every expected output came, or none came for a while. */
  private static void drain(LatencyProbe probe) throws InterruptedException {
    long begin = System.nanoTime();
    long lastMatched = probe.matched();
    long lastChange = begin;
    while (probe.outstanding() > 0 && System.nanoTime() - begin < DRAIN_TIMEOUT.toNanos()) {
      Thread.sleep(100);
      long now = System.nanoTime();
      if (probe.matched() != lastMatched) {
        lastMatched = probe.matched();
        lastChange = now;
      } else if (now - lastChange > DRAIN_QUIET.toNanos()) {
        return;
      }
    }
  }

  private static Histogram histogram() {
    return new Histogram(HIGHEST_LATENCY_MICROS, 3);
  }

  private String name(Contender contender, String guarantee, String run) {
    return "bench-"
        + spec.service()
        + "-"
        + contender.label().replace('+', '-')
        + "-"
        + (guarantee.startsWith("exactly_once") ? "eos" : "alo")
        + "-"
        + run;
  }
}
