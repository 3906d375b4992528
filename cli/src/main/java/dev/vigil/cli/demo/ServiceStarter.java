package dev.vigil.cli.demo;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.UserException;
import dev.vigil.cli.Workspace;
import dev.vigil.cli.process.ChildProcess;
import dev.vigil.cli.process.LogTail;
import dev.vigil.cli.process.PidFile;
import dev.vigil.cli.process.Processes;
import dev.vigil.cli.process.Supervisor;
import dev.vigil.cli.service.ReadinessProbe;
import dev.vigil.cli.service.ReadinessProbe.Readiness;
import dev.vigil.cli.service.VigilService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts each service as a process of its own and waits until every one is ready. They start
 * together: most of a start is the JVM and Spring, which overlap well even on two cores.
 */
final class ServiceStarter {

  /** Spring's graceful shutdown, then Kafka Streams commits and closes its state stores. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
  private static final int LOG_LINES_ON_FAILURE = 40;

  private final Workspace workspace;
  private final Supervisor supervisor;
  private final ReadinessProbe probe;
  private final Clock clock;
  private final PrintWriter err;

  ServiceStarter(
      Workspace workspace,
      Supervisor supervisor,
      ReadinessProbe probe,
      Clock clock,
      PrintWriter err) {
    this.workspace = workspace;
    this.supervisor = supervisor;
    this.probe = probe;
    this.clock = clock;
    this.err = err;
  }

  /** Fails before starting anything if a service is already running or its port is taken. */
  void checkFree(List<VigilService> services) {
    for (VigilService service : services) {
      PidFile pidFile = PidFile.in(workspace.pidsDir(), service.name());
      pidFile
          .read()
          .ifPresent(
              pid -> {
                if (Processes.running(pid, workspace.jar(service)).isPresent()) {
                  throw new UserException(
                      service.name()
                          + " is already running (pid "
                          + pid
                          + "). Stop it with ./vigil down.");
                }
              });
      if (PortProbe.inUse(service.port())) {
        throw new UserException(
            "Port "
                + service.port()
                + " for "
                + service.name()
                + " is in use. Stop what uses it (./vigil down stops an earlier demo).");
      }
      if (!Files.isRegularFile(workspace.jar(service))) {
        throw new UserException(
            "No "
                + workspace.jar(service)
                + ". Build it with ./mvnw -B -DskipTests package (./vigil does that for you).");
      }
    }
  }

  Map<VigilService, ChildProcess> start(List<VigilService> services, String bootstrapServers) {
    Map<VigilService, ChildProcess> started = new LinkedHashMap<>();
    for (VigilService service : services) {
      ChildProcess process =
          supervisor.start(
              new ChildProcess.Spec(
                  service.name(),
                  List.of(
                      ChildProcess.javaCommand(),
                      "-jar",
                      workspace.jar(service).toString(),
                      "--server.port=" + service.port()),
                  Map.of(
                      BootstrapServers.VARIABLE,
                      bootstrapServers,
                      "VIGIL_STATE_DIR",
                      workspace.stateDir(service).toString()),
                  workspace.logFile(service.name()),
                  PidFile.in(workspace.pidsDir(), service.name()),
                  STOP_GRACE));
      err.println(
          service.name()
              + ": starting on port "
              + service.port()
              + " (pid "
              + process.pid()
              + ", log "
              + workspace.home().relativize(process.log())
              + ")");
      started.put(service, process);
    }
    return started;
  }

  void awaitReady(Map<VigilService, ChildProcess> started, Duration timeout)
      throws InterruptedException {
    Instant begin = clock.instant();
    Instant deadline = begin.plus(timeout);
    Instant nextProgress = begin.plus(PROGRESS_INTERVAL);
    for (Map.Entry<VigilService, ChildProcess> entry : started.entrySet()) {
      VigilService service = entry.getKey();
      ChildProcess process = entry.getValue();
      Readiness readiness = probe.check(service.port());
      while (!readiness.ready()) {
        if (!process.isAlive()) {
          fail(process, service.name() + " exited while starting");
        }
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
          fail(
              process,
              service.name()
                  + " was not ready within "
                  + timeout.toSeconds()
                  + " s (last answer: "
                  + readiness.detail()
                  + ")");
        }
        if (!now.isBefore(nextProgress)) {
          err.println(
              "  waiting for "
                  + service.name()
                  + " ("
                  + readiness.detail()
                  + ", "
                  + Duration.between(begin, now).toSeconds()
                  + " s)");
          nextProgress = now.plus(PROGRESS_INTERVAL);
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
        readiness = probe.check(service.port());
      }
      err.println(
          service.name()
              + ": ready on http://localhost:"
              + service.port()
              + " after "
              + Duration.between(begin, clock.instant()).toSeconds()
              + " s");
    }
  }

  private void fail(ChildProcess process, String message) {
    err.println("Last lines of " + process.log() + ":");
    LogTail.lastLines(process.log(), LOG_LINES_ON_FAILURE)
        .forEach(line -> err.println("  " + line));
    throw new UserException(message + ". Its full log is " + process.log() + ".");
  }
}
