package dev.vigil.chaos;

import dev.vigil.localkafka.Directories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs fault-injection scenarios against the services' packaged jars on a real {@code local-kafka}
 * broker. Each run gets a fresh broker and state under its own directory, so runs never see each
 * other's data.
 */
public final class Chaos {

  /** The scenarios, by the name {@code ./vigil chaos --scenario} takes. */
  public enum Scenario {
    CRASH_LOOP(CrashLoop.NAME),
    RESTART_AND_WIPE(RestartAndWipe.NAME),
    BROKER_RESTART(BrokerRestart.NAME),
    FAILOVER(Failover.NAME),
    POISON_PILLS(PoisonPills.NAME),
    ABSENT_OUTPUT(AbsentOutput.NAME);

    private final String id;

    Scenario(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Scenario> named(String name) {
      String wanted = name.toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    public static List<String> ids() {
      return Arrays.stream(values()).map(Scenario::id).toList();
    }
  }

  private final Path home;
  private final Path workDir;
  private final Clock clock;
  private final Consumer<String> progress;

  /**
   * @param home the repository root, where each service's {@code target/<service>.jar} is
   * @param workDir where runs keep broker data, service state and logs
   * @param progress receives one line per step (start, kill, recovery, verdict)
   */
  public Chaos(Path home, Path workDir, Clock clock, Consumer<String> progress) {
    this.home = home.toAbsolutePath().normalize();
    this.workDir = workDir.toAbsolutePath().normalize();
    this.clock = clock;
    this.progress = progress;
  }

  public ScenarioResult run(Scenario scenario, Target target, ChaosSettings settings)
      throws InterruptedException {
    Path dir = workDir.resolve(scenario.id() + "-" + target.name());
    // A previous run's broker data and state would make this run's outputs meaningless.
    Directories.delete(dir);
    boolean poison = scenario == Scenario.POISON_PILLS;
    UnaryOperator<Workload> workloads =
        poison
            ? w -> new PoisonWorkload(w, PoisonPills.PROBABILITY, settings.seed())
            : UnaryOperator.identity();
    Duration headStart =
        poison && settings.backlog() > 0 ? PoisonThroughput.EVENT_TIME : Run.EVENT_TIME_HEADSTART;
    try (Run run = new Run(dir, home, target, settings, workloads, headStart, clock, progress)) {
      return switch (scenario) {
        case CRASH_LOOP -> CrashLoop.run(run);
        case RESTART_AND_WIPE -> RestartAndWipe.run(run);
        case BROKER_RESTART -> BrokerRestart.run(run);
        case FAILOVER -> Failover.run(run);
        case POISON_PILLS -> PoisonPills.run(run);
        case ABSENT_OUTPUT -> AbsentOutput.run(run);
      };
    }
  }
}
