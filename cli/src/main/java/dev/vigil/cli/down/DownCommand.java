package dev.vigil.cli.down;

import dev.vigil.cli.Workspace;
import dev.vigil.cli.process.PidFile;
import dev.vigil.cli.process.Processes;
import dev.vigil.cli.service.VigilService;
import dev.vigil.cli.service.VigilServices;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "down",
    description = {
      "Stops what Vigil started and recorded in .vigil/run, e.g. after a demo that was killed.",
      "Services first, the broker last: SIGTERM, then SIGKILL after --timeout."
    },
    mixinStandardHelpOptions = true)
public final class DownCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--timeout",
      defaultValue = "30",
      paramLabel = "SECONDS",
      description =
          "How long each process may take to stop before it is killed. Default: ${DEFAULT-VALUE}.")
  int timeout;

  private final Workspace workspace;

  public DownCommand(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<PidFile> pidFiles = inStopOrder(PidFile.all(workspace.pidsDir()));
    if (pidFiles.isEmpty()) {
      out.println("Nothing to stop: no pid files in " + workspace.pidsDir());
      return 0;
    }
    for (PidFile pidFile : pidFiles) {
      out.println(stop(pidFile));
      out.flush();
    }
    return 0;
  }

  private String stop(PidFile pidFile) {
    OptionalLong pid = pidFile.read();
    Optional<ProcessHandle> process =
        pid.isPresent()
            ? Processes.running(pid.getAsLong(), workspace.jarOf(pidFile.name()))
            : Optional.empty();
    pidFile.delete();
    if (process.isEmpty()) {
      return pidFile.name() + ": not running (removed its stale pid file)";
    }
    boolean killed = Processes.stop(process.get(), Duration.ofSeconds(timeout));
    return pidFile.name()
        + " (pid "
        + pid.getAsLong()
        + "): "
        + (killed ? "killed, it did not stop within " + timeout + " s" : "stopped");
  }

  /** Services in reverse start order, then anything unknown, the broker they all need last. */
  static List<PidFile> inStopOrder(List<PidFile> pidFiles) {
    List<String> services =
        new ArrayList<>(VigilServices.ALL.stream().map(VigilService::name).toList());
    Collections.reverse(services);
    Comparator<PidFile> order =
        Comparator.comparingInt(
            (PidFile f) -> {
              if (f.name().equals(Workspace.BROKER)) {
                return Integer.MAX_VALUE;
              }
              int index = services.indexOf(f.name());
              return index >= 0 ? index : services.size();
            });
    return pidFiles.stream().sorted(order.thenComparing(PidFile::name)).toList();
  }
}
