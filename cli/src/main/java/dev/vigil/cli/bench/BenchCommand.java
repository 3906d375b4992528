package dev.vigil.cli.bench;

import dev.vigil.cli.UserException;
import dev.vigil.cli.Workspace;
import dev.vigil.cli.process.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Runs the benchmark harness in a JVM of its own: the harness is the load generator, and this CLI's
 * JVM is tuned to start fast (quick JIT tier, serial collector), not to produce load.
 */
@Command(
    name = "bench",
    description = {
      "Measures each service's throughput, latency, memory and recovery against a plain Kafka pipe"
          + " on a local broker, and writes tables to benchmarks/results/.",
      "Options go to the harness: ./vigil bench --help lists them."
    })
public final class BenchCommand implements Callable<Integer> {

  private final Workspace workspace;

  /** Everything after {@code bench}, passed on to the harness, which parses and checks it. */
  @Unmatched List<String> arguments = new ArrayList<>();

  public BenchCommand(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public Integer call() throws Exception {
    Path jar = jar(workspace);
    if (!Files.isRegularFile(jar)) {
      throw new UserException(
          "No "
              + jar
              + ". Build it with ./mvnw -B -DskipTests package (./vigil does that for you).");
    }
    return new ProcessBuilder(command()).inheritIO().start().waitFor();
  }

  static Path jar(Workspace workspace) {
    return workspace.home().resolve("benchmarks").resolve("target").resolve("vigil-benchmarks.jar");
  }

  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaCommand());
    command.add("-jar");
    command.add(jar(workspace).toString());
    command.add("--home=" + workspace.home());
    command.addAll(arguments);
    return command;
  }
}
