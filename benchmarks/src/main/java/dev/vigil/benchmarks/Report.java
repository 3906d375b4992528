package dev.vigil.benchmarks;

import dev.vigil.benchmarks.Results.LatencyRun;
import dev.vigil.benchmarks.Results.MemoryRun;
import dev.vigil.benchmarks.Results.RecoveryRun;
import dev.vigil.benchmarks.Results.Segment;
import dev.vigil.benchmarks.Results.ThroughputRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The results as Markdown tables (also what the terminal shows) and as JSON. */
final class Report {

  /**
   * The targets: a service's throughput as a share of "pipe+json" (parsing its own input and
   * writing it back, which no service can beat), under either guarantee.
   */
  private static final double THROUGHPUT_TARGET = 0.5;

  /** p99 at {@link #LATENCY_TARGET_RATE} events/s, for the services whose latency has a target. */
  private static final Map<String, Double> P99_TARGET_MS =
      Map.of("exactly_once_v2", 250.0, "at_least_once", 50.0);

  private static final double LATENCY_TARGET_RATE = 2_000;

  private static final Set<String> LATENCY_TARGETED =
      Set.of("fraud-detection-service", "recommendation-service");

  private static final double MIB = 1024 * 1024;

  private final Results results;

  Report(Results results) {
    this.results = results;
  }

  String markdown() {
    Results.Setup s = results.setup;
    StringBuilder md = new StringBuilder();
    md.append("## Run of ").append(s.startedAt()).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d cores, %.1f GiB memory, %s; %s; Kafka %s; Vigil %s.%n",
            s.cores(),
            s.memoryBytes() / (MIB * 1024),
            s.os(),
            s.java(),
            s.kafka(),
            s.vigil()));
    md.append(
        String.format(
            Locale.ROOT,
            "%,d events over %,d keys, %d partitions, %d repetitions, first %.0f%% of the input"
                + " untimed; commit.interval.ms %d and -Xmx%s for every contender.%n%n",
            s.events(),
            s.keys(),
            s.partitions(),
            s.repetitions(),
            s.warmupFraction() * 100,
            s.commitIntervalMs(),
            s.heap()));
    throughput(md);
    latency(md);
    memory(md);
    recovery(md);
    for (Results.Failure failure : results.failures) {
      md.append("**")
          .append(failure.service())
          .append(" failed:** ")
          .append(failure.error().replace("\n", "\n    "))
          .append("\n\n");
    }
    return md.toString();
  }

  private void throughput(StringBuilder md) {
    md.append("### Throughput (events/s: median [min–max])\n\n");
    md.append(
        "| service | guarantee | pipe | pipe+json | service | service / pipe |"
            + " service / pipe+json | target | met |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (String service : services()) {
      for (String guarantee : results.setup.guarantees()) {
        Function<String, List<Double>> rates =
            contender ->
                results.throughput.stream()
                    .filter(
                        r ->
                            r.service().equals(service)
                                && r.guarantee().equals(guarantee)
                                && r.contender().equals(contender))
                    .map(ThroughputRun::eventsPerSecond)
                    .toList();
        List<Double> pipe = rates.apply(Contender.PIPE.label());
        List<Double> json = rates.apply(Contender.PIPE_JSON.label());
        List<Double> svc = rates.apply(Contender.SERVICE.label());
        if (svc.isEmpty()) {
          continue;
        }
        double ofJson = Stats.median(svc) / Stats.median(json);
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %.2f | %.2f | %.2f | %s |%n",
                service,
                guarantee,
                spread(pipe, "%,.0f"),
                spread(json, "%,.0f"),
                spread(svc, "%,.0f"),
                Stats.median(svc) / Stats.median(pipe),
                ofJson,
                THROUGHPUT_TARGET,
                met(ofJson >= THROUGHPUT_TARGET)));
      }
    }
    md.append("\n");
  }

  private void latency(StringBuilder md) {
    if (results.latency.isEmpty()) {
      return;
    }
    md.append(
        "### Latency, producer send to output readable (read_committed), ms: median of segments"
            + " [min–max of segments]\n\n");
    md.append(
        "CPU: what the contender, the broker and the harness (load generator and latency probe)"
            + " used over the measured segments, in % of one core, and how busy the machine's"
            + " cores were in all.\n\n");
    md.append(
        "| service | guarantee | contender | events/s | p50 | p99 | p99.9 | max | no output"
            + " | CPU % contender / broker / harness | machine busy % | p99 target |\n");
    md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (LatencyRun run : results.latency) {
      Function<Function<Segment, Double>, List<Double>> of =
          f -> run.segments().stream().map(f).toList();
      String target = "";
      if (run.eventsPerSecond() == LATENCY_TARGET_RATE
          && LATENCY_TARGETED.contains(run.service())
          && run.contender().equals(Contender.SERVICE.label())) {
        double limit = P99_TARGET_MS.getOrDefault(run.guarantee(), Double.NaN);
        target =
            String.format(
                Locale.ROOT,
                "≤ %.0f: %s",
                limit,
                met(Stats.median(of.apply(Segment::p99)) <= limit));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %,.0f | %s | %s | %s | %s | %d | %.0f / %.0f / %.0f | %.0f"
                  + " | %s |%n",
              run.service(),
              run.guarantee(),
              run.contender(),
              run.eventsPerSecond(),
              spread(of.apply(Segment::p50), "%.1f"),
              spread(of.apply(Segment::p99), "%.1f"),
              spread(of.apply(Segment::p999), "%.1f"),
              spread(of.apply(Segment::max), "%.1f"),
              run.unmatched(),
              run.cpu().contender(),
              run.cpu().broker(),
              run.cpu().harness(),
              run.cpu().machine(),
              target));
    }
    md.append("\n");
  }

  private void memory(StringBuilder md) {
    if (results.memory.isEmpty()) {
      return;
    }
    md.append(
        String.format(
            Locale.ROOT,
            "### Memory of the service (-Xmx%s) once it has processed events of up to %,d keys%n%n",
            results.setup.heap(),
            results.setup.keys()));
    md.append(
        "| service | guarantee | events processed | distinct keys | peak heap MiB |"
            + " largest heap after GC MiB | peak RSS MiB | state on disk MiB |"
            + " heap after GC per key, bytes | state on disk per key, bytes |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (MemoryRun run : results.memory) {
      double keys = Math.max(1, run.keys());
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %,d | %d | %d | %.0f | %.1f | %,.0f | %,.0f |%n",
              run.service(),
              run.guarantee(),
              run.events(),
              run.keys(),
              run.peakHeapMiB(),
              run.peakHeapAfterGcMiB(),
              run.peakRssBytes() / MIB,
              run.stateBytes() / MIB,
              run.peakHeapAfterGcMiB() * MIB / keys,
              run.stateBytes() / keys));
    }
    md.append("\n");
  }

  private void recovery(StringBuilder md) {
    if (results.recovery.isEmpty()) {
      return;
    }
    md.append("### Recovery: restart to processing again (JVM and Spring start included)\n\n");
    md.append(
        "With its state kept (after a clean stop), and with it wiped, as after a SIGKILL under"
            + " exactly-once: restored from the changelog topics. Restoring takes the difference"
            + " between the two, given here per 100 MB of state on disk.\n\n");
    md.append(
        "| service | guarantee | state | state on disk MiB | seconds | restore seconds per 100 MB"
            + " |\n");
    md.append("|---|---|---|---:|---:|---:|\n");
    for (RecoveryRun run : results.recovery) {
      String perHundredMb = "–";
      if (!run.stateKept() && run.stateBytes() > 0) {
        perHundredMb =
            results.recovery.stream()
                .filter(
                    k ->
                        k.stateKept()
                            && k.service().equals(run.service())
                            && k.guarantee().equals(run.guarantee()))
                .findFirst()
                .map(
                    kept ->
                        String.format(
                            Locale.ROOT,
                            "%.1f",
                            Math.max(0, run.seconds() - kept.seconds()) / (run.stateBytes() / 1e8)))
                .orElse("–");
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.1f | %.1f | %s |%n",
              run.service(),
              run.guarantee(),
              run.stateKept() ? "kept" : "restored",
              run.stateBytes() / MIB,
              run.seconds(),
              perHundredMb));
    }
    md.append("\n");
  }

  private Set<String> services() {
    Set<String> services = new LinkedHashSet<>();
    results.throughput.forEach(r -> services.add(r.service()));
    return services;
  }

  private static String spread(List<Double> values, String format) {
    if (values.isEmpty()) {
      return "–";
    }
    return String.format(Locale.ROOT, format, Stats.median(values))
        + " ["
        + String.format(Locale.ROOT, format, Stats.min(values))
        + "–"
        + String.format(Locale.ROOT, format, Stats.max(values))
        + "]";
  }

  private static String met(boolean met) {
    return met ? "yes" : "**no**";
  }

  String json() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("setup", results.setup);
    tree.put("throughput", results.throughput);
    tree.put("latency", results.latency);
    tree.put("memory", results.memory);
    tree.put("recovery", results.recovery);
    tree.put("failures", results.failures);
    return JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValueAsString(tree);
  }

  /** Writes {@code bench-<time>.md} and {@code .json}, and the same as {@code latest.*}. */
  List<Path> write(Path dir, Instant startedAt) {
    String stamp = startedAt.toString().replace(":", "");
    try {
      Files.createDirectories(dir);
      Path md = dir.resolve("bench-" + stamp + ".md");
      Path json = dir.resolve("bench-" + stamp + ".json");
      Files.writeString(md, markdown());
      Files.writeString(json, json());
      Files.copy(md, dir.resolve("latest.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.copy(
          json, dir.resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return List.of(md, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
