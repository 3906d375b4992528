package dev.vigil.cli;

import dev.vigil.cli.acls.AclsCommand;
import dev.vigil.cli.bench.BenchCommand;
import dev.vigil.cli.chaos.ChaosCommand;
import dev.vigil.cli.demo.DemoCommand;
import dev.vigil.cli.down.DownCommand;
import dev.vigil.cli.evaluate.EvaluateCommand;
import dev.vigil.cli.produce.ProduceCommand;
import dev.vigil.cli.service.ReadinessProbe;
import dev.vigil.cli.simulate.SimulateCommand;
import dev.vigil.cli.status.StatusCommand;
import dev.vigil.cli.tail.TailCommand;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "vigil",
    description = "Runs and inspects the Vigil suite on this machine.",
    mixinStandardHelpOptions = true,
    versionProvider = VigilCli.Version.class,
    footer = {
      "",
      "Start here: ./vigil demo. Then, in another shell: ./vigil status, ./vigil tail fraud.alerts."
    })
public final class VigilCli implements Runnable {

  static final int EXIT_FAILURE = 1;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        commandLine(
                Workspace.fromEnvironment(System.getenv()),
                Clock.systemDefaultZone(),
                System.in,
                System.getenv())
            .execute(args));
  }

  /** The command tree, with what the commands need from outside passed in, so tests can. */
  public static CommandLine commandLine(
      Workspace workspace, Clock clock, InputStream in, Map<String, String> environment) {
    CommandLine cli =
        new CommandLine(new VigilCli())
            .addSubcommand(new DemoCommand(workspace, clock, environment))
            .addSubcommand(new SimulateCommand(clock))
            .addSubcommand(new ProduceCommand(in))
            .addSubcommand(new TailCommand(clock))
            .addSubcommand(new StatusCommand(workspace, new ReadinessProbe()))
            .addSubcommand(new DownCommand(workspace))
            .addSubcommand(new EvaluateCommand(workspace, clock))
            .addSubcommand(new AclsCommand())
            .addSubcommand(new BenchCommand(workspace))
            .addSubcommand(new ChaosCommand(workspace, clock));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UserException) {
            commandLine.getErr().println(commandLine.getColorScheme().errorText(e.getMessage()));
            return EXIT_FAILURE;
          }
          throw e;
        });
    return cli;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Name a command, e.g. ./vigil demo");
  }

  /** The version Maven wrote into the jar's manifest; none when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
      String version = VigilCli.class.getPackage().getImplementationVersion();
      return new String[] {"vigil " + (version == null ? "(development build)" : version)};
    }
  }
}
