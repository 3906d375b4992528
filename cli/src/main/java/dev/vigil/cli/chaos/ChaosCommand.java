package dev.vigil.cli.chaos;

import dev.vigil.chaos.Chaos;
import dev.vigil.chaos.Chaos.Scenario;
import dev.vigil.chaos.ChaosSettings;
import dev.vigil.chaos.ScenarioResult;
import dev.vigil.chaos.SummaryTable;
import dev.vigil.chaos.Target;
import dev.vigil.cli.UserException;
import dev.vigil.cli.Workspace;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "chaos",
    description = {
      "Proves fault tolerance on real processes: starts a fresh local Kafka broker and the service"
          + " from its jar, feeds it a seeded workload, injects the scenario's faults (SIGKILL of the"
          + " service, broker restarts, a deleted output topic), then reads every output with"
          + " read_committed and compares it with a recomputation from the input.",
      "Prints a summary table; exits 0 when every run passed. Runs keep their data and logs in"
          + " .vigil/chaos/<scenario>-<service>/ until the next run of the same pair."
    },
    mixinStandardHelpOptions = true)
public final class ChaosCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "NAME",
      description =
          "crash-loop, restart-and-wipe, broker-restart, failover, poison-pills, absent-output,"
              + " or all")
  String scenario;

  @Option(
      names = "--service",
      defaultValue = "all",
      paramLabel = "NAME",
      description = "fraud, vitals, iot, recommendation, or all (default)")
  String service;

  @Option(
      names = "--duration",
      defaultValue = "2m",
      paramLabel = "D",
      converter = DurationConverter.class,
      description = "how long the workload flows per run, e.g. 90s, 5m (default 2m)")
  Duration duration;

  @Option(names = "--rate", defaultValue = "100", description = "events per second (default 100)")
  int rate;

  @Option(
      names = "--kills",
      defaultValue = "3",
      description = "SIGKILLs of the service in a crash loop, at least 3 (default 3)")
  int kills;

  @Option(names = "--seed", defaultValue = "1", description = "seeds workload and kill times")
  long seed;

  @Option(
      names = "--session-timeout",
      paramLabel = "D",
      converter = DurationConverter.class,
      description =
          "the services' consumer session timeout; by default theirs (45 s), which a killed"
              + " instance's successor waits out")
  Duration sessionTimeout;

  @Option(
      names = "--group-protocol",
      defaultValue = "classic",
      paramLabel = "P",
      description =
          "the rebalance protocol the services join with: classic (default) or streams"
              + " (KIP-1071), whose session timeout and standby replicas the run sets on the group")
  String groupProtocol;

  @Option(
      names = "--backlog",
      defaultValue = "30000",
      paramLabel = "N",
      description =
          "events per catch-up in poison-pills' throughput check (poisoned against clean,"
              + " after warm-up backlogs); 0 skips the check (default 30000)")
  int backlog;

  private final Workspace workspace;
  private final Clock clock;

  public ChaosCommand(Workspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<Scenario> scenarios = scenarios();
    List<Target> targets = targets();
    if (kills < 3) {
      throw new UserException("--kills must be at least 3: a crash loop is three kills or more");
    }
    if (rate <= 0 || duration.toSeconds() <= 0) {
      throw new UserException("--rate and --duration must be positive");
    }
    if (backlog < 0) {
      throw new UserException("--backlog must be 0 (no throughput check) or more");
    }
    if (!groupProtocol.equals("classic") && !groupProtocol.equals("streams")) {
      throw new UserException("--group-protocol must be classic or streams");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ChaosSettings settings =
        new ChaosSettings(
            duration,
            rate,
            kills,
            seed,
            Optional.ofNullable(sessionTimeout),
            backlog,
            groupProtocol.equals("streams"));
    Chaos chaos =
        new Chaos(
            workspace.home(),
            workspace.runtimeDir().resolve("chaos"),
            clock,
            line -> {
              err.println(line);
              err.flush();
            });
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (Target target : targets) {
        try {
          results.add(chaos.run(s, target, settings));
        } catch (IllegalStateException | KafkaException | UncheckedIOException e) {
          // One run that cannot finish (a service that does not start, say) fails its row; the
          // other runs still tell what they tell.
          err.println(target.name() + ": FAILED: " + e.getMessage());
          results.add(ScenarioResult.failed(s.id(), target.name(), e.getMessage()));
        }
      }
    }
    out.print(SummaryTable.markdown(results));
    out.flush();
    return results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
  }

  private List<Scenario> scenarios() {
    if (scenario.equals("all")) {
      return List.of(Scenario.values());
    }
    return Scenario.named(scenario)
        .map(List::of)
        .orElseThrow(
            () ->
                new UserException(
                    "No scenario " + scenario + ": choose from " + Scenario.ids() + " or all"));
  }

  private List<Target> targets() {
    if (service.equals("all")) {
      return Target.ALL;
    }
    return Target.named(service)
        .map(List::of)
        .orElseThrow(
            () ->
                new UserException(
                    "No service " + service + ": fraud, vitals, iot, recommendation or all"));
  }
}
