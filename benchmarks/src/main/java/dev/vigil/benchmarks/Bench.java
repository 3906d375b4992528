package dev.vigil.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.vigil.localkafka.Directories;
import dev.vigil.localkafka.LocalKafkaProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmark harness: starts a local broker, preloads each service's input, and measures each
 * service against the "pipe" and "pipe+json" baselines on that broker, in this run.
 */
@Command(
    name = "bench",
    description =
        "Measures each service's throughput, latency, memory and recovery against a plain Kafka"
            + " pipe on the same broker, and writes the results under benchmarks/results/.",
    mixinStandardHelpOptions = true,
    subcommands = {Pipe.class, Compare.class})
public final class Bench implements Callable<Integer> {

  /**
   * How far back the generated events start: services reject events from the future, and a million
   * events of the slower-paced generators span days of event time.
   */
  private static final Duration DATA_AGE = Duration.ofDays(30);

  @Mixin Options options;

  @Spec CommandSpec command;

  private final Clock clock;

  Bench(Clock clock) {
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(commandLine(Clock.systemUTC()).execute(args));
  }

  static CommandLine commandLine(Clock clock) {
    return new CommandLine(new Bench(clock));
  }

  /** The sizes and settings of a run, the same for every contender. */
  static final class Options {

    @Option(
        names = "--home",
        description = "The Vigil repository with the built jars (default: $VIGIL_HOME, else .).")
    Path home;

    @Option(
        names = "--services",
        split = ",",
        description = "Services to measure (default: every service whose jar is built).")
    List<String> services = new ArrayList<>();

    @Option(
        names = "--events",
        description = "Events preloaded per service (default: ${DEFAULT-VALUE}).")
    long events = 1_000_000;

    @Option(
        names = "--keys",
        description = "Distinct entities in them (default: ${DEFAULT-VALUE}).")
    int keys = 100_000;

    @Option(
        names = "--partitions",
        description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions = 4;

    @Option(
        names = "--repetitions",
        description = "Throughput runs per contender (default: ${DEFAULT-VALUE}).")
    int repetitions = 3;

    @Option(
        names = "--warmup",
        description =
            "Share of the input not timed, while a contender warms up (default: ${DEFAULT-VALUE}).")
    double warmupFraction = 0.1;

    @Option(
        names = "--guarantees",
        split = ",",
        description = "Processing guarantees (default: ${DEFAULT-VALUE}).")
    List<String> guarantees = new ArrayList<>(List.of("exactly_once_v2", "at_least_once"));

    @Option(
        names = "--commit-interval-ms",
        description = "commit.interval.ms of every contender (default: ${DEFAULT-VALUE}).")
    long commitIntervalMs = 100;

    @Option(names = "--heap", description = "-Xmx of every contender (default: ${DEFAULT-VALUE}).")
    String heap = "512m";

    @Option(
        names = "--latency-rates",
        split = ",",
        description =
            "Input rates for latency, in events/s (default: ${DEFAULT-VALUE}): the same for every"
                + " service, so that a faster service is not measured under more load.")
    List<Integer> latencyRates = new ArrayList<>(List.of(2_000));

    @Option(
        names = "--latency-seconds",
        description = "Length of each latency segment (default: ${DEFAULT-VALUE}).")
    int latencySeconds = 10;

    @Option(
        names = "--latency-segments",
        description =
            "Measured segments per rate, after one warm-up segment (default: ${DEFAULT-VALUE}).")
    int latencySegments = 3;

    @Option(
        names = "--memory-events",
        description =
            "Most events sent, until every one of --keys has had one, before memory and state"
                + " are measured (default: ${DEFAULT-VALUE}).")
    long memoryEvents = 200_000;

    @Option(
        names = "--recovery-events",
        description =
            "Events waiting when a service restarts without its state (default: ${DEFAULT-VALUE}).")
    long recoveryEvents = 1_000;

    @Option(
        names = "--cadence",
        converter = CadenceConverter.class,
        description =
            "How often each IoT sensor and vitals monitor reports, e.g. 5m or 30m (default: the"
                + " simulator's own, every few seconds): a sparse real cadence, where every"
                + " reading of a device closes its previous window.")
    Duration cadence;

    @Option(names = "--seed", description = "Seed of the generators (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--jfr", description = "Record a JFR profile of every contender process.")
    boolean jfr;

    @Option(
        names = "--work-dir",
        description =
            "Broker data, state, logs and profiles of the run, deleted first (default: .vigil/bench"
                + " under the home).")
    Path workDir;

    @Option(
        names = "--results",
        description = "Where to write the results (default: benchmarks/results under the home).")
    Path resultsDir;
  }

  /** A number of seconds, minutes or hours: {@code 90s}, {@code 5m}, {@code 1h}. */
  static final class CadenceConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d+)([smh])").matcher(value.trim());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration like 90s, 5m or 1h");
      }
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    Path home = home();
    List<ServiceSpec> specs = services(home);
    Path workDir =
        options.workDir != null ? options.workDir : home.resolve(".vigil").resolve("bench");
    Directories.delete(workDir);
    Files.createDirectories(workDir.resolve("jfr"));
    Instant startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Results results = new Results(setup(startedAt));
    Files.createDirectories(workDir.resolve("logs"));
    // Kept with the contenders' logs: a broker error is otherwise seen only as a client's
    // UNKNOWN_SERVER_ERROR.
    try (PrintWriter brokerLog =
            new PrintWriter(
                Files.newBufferedWriter(workDir.resolve("logs").resolve("kafka.log")), true);
        LocalKafkaProcess kafka =
            LocalKafkaProcess.builder()
                .jar(home.resolve("local-kafka").resolve("target").resolve("local-kafka.jar"))
                .dataDir(workDir.resolve("kafka"))
                .partitions(options.partitions)
                .outputSink(brokerLog::println)
                .start();
        Cluster cluster = new Cluster(kafka.bootstrapServers(), options.partitions, kafka.pid())) {
      out.printf("Broker on %s; measuring %s%n", kafka.bootstrapServers(), specs);
      Launcher launcher =
          new Launcher(
              home,
              workDir,
              kafka.bootstrapServers(),
              options.partitions,
              options.heap,
              options.commitIntervalMs,
              options.jfr);
      Path resultsDir =
          options.resultsDir != null
              ? options.resultsDir
              : home.resolve("benchmarks").resolve("results");
      Report report = new Report(results);
      for (ServiceSpec spec : specs) {
        try {
          new ServiceBench(spec, options, cluster, launcher, results, out, clock, dataStart(spec))
              .run();
        } catch (RuntimeException e) {
          // One service failing (out of memory, say) is a result too; the others still run.
          results.failures.add(new Results.Failure(spec.service(), e.getMessage()));
          out.printf("%s failed: %s%n", spec.service(), e.getMessage());
        }
        // Written after each service, so that a run stopped half-way keeps what it measured.
        report.write(resultsDir, startedAt);
        out.flush();
      }
      out.println();
      out.print(report.markdown());
      out.printf("Written to %s%n", resultsDir);
      out.flush();
    }
    return results.failures.isEmpty() ? 0 : 1;
  }

  /** The Vigil repository with the built jars. */
  Path home() {
    return (options.home != null
            ? options.home
            : Path.of(System.getenv().getOrDefault("VIGIL_HOME", "")))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * When the generated events start: far enough back that none is in the future. At a sparse
   * cadence the events of a few thousand devices span days of event time, so they start as far back
   * as they reach.
   */
  Instant dataStart(ServiceSpec spec) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (options.cadence == null || (spec != ServiceSpec.IOT && spec != ServiceSpec.VITALS)) {
      return now.minus(DATA_AGE);
    }
    Duration span = options.cadence.multipliedBy(options.events / Math.max(1, options.keys) + 1);
    return now.minus(span.plus(Duration.ofHours(1)));
  }

  List<ServiceSpec> services(Path home) {
    List<ServiceSpec> specs = new ArrayList<>();
    if (options.services.isEmpty()) {
      for (ServiceSpec spec : ServiceSpec.values()) {
        if (Files.isRegularFile(Launcher.serviceJar(home, spec))) {
          specs.add(spec);
        }
      }
    } else {
      for (String name : options.services) {
        specs.add(
            ServiceSpec.named(name)
                .orElseThrow(
                    () ->
                        new CommandLine.ParameterException(
                            command.commandLine(), "Unknown service " + name)));
      }
    }
    for (ServiceSpec spec : specs) {
      if (!Files.isRegularFile(Launcher.serviceJar(home, spec))) {
        throw new CommandLine.ParameterException(
            command.commandLine(),
            "No " + Launcher.serviceJar(home, spec) + ": build it with ./mvnw -DskipTests package");
      }
    }
    return specs;
  }

  private Results.Setup setup(Instant startedAt) throws IOException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Results.Setup(
        startedAt.toString(),
        String.join(" ", command.commandLine().getParseResult().originalArgs()),
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        AppInfoParser.getVersion(),
        String.valueOf(Bench.class.getPackage().getImplementationVersion()),
        options.events,
        options.keys,
        options.memoryEvents,
        options.partitions,
        options.repetitions,
        options.warmupFraction,
        options.commitIntervalMs,
        options.heap,
        List.copyOf(options.guarantees),
        List.copyOf(options.latencyRates),
        options.latencySeconds,
        options.latencySegments,
        options.cadence == null ? null : options.cadence.toString());
  }
}
