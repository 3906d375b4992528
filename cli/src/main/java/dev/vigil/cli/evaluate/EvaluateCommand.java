package dev.vigil.cli.evaluate;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.UserException;
import dev.vigil.cli.Workspace;
import dev.vigil.simulator.evaluation.EvaluationReport;
import dev.vigil.simulator.evaluation.Evaluator;
import dev.vigil.simulator.evaluation.TopicReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "evaluate",
    description = {
      "Scores the services' alerts against the latest simulation's labels.",
      "Reads <domain>.labels and the alert topics (committed records only), matches each alert to"
          + " an incident of the same entity within its span plus a tolerance, and prints"
          + " precision, recall and detection delay per domain and incident type, and the"
          + " recommendations' hit-rate@10 against the most bought products. Writes the table as"
          + " Markdown and JSON.",
      "",
      "  ./vigil simulate --domain all --rate 500 --duration 60s && ./vigil evaluate"
    },
    mixinStandardHelpOptions = true)
public final class EvaluateCommand implements Callable<Integer> {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Mixin BootstrapServers kafka;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Where to write evaluation.md and evaluation.json. Default: .vigil/evaluation.")
  Path output;

  private final Workspace workspace;
  private final Clock clock;

  public EvaluateCommand(Workspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    String bootstrap = kafka.servers();
    try (Admin admin = KafkaClients.admin(kafka.connection())) {
      KafkaClients.requireReachable(admin, bootstrap);
    }
    EvaluationReport report;
    try (TopicReader reader =
        new TopicReader(
            KafkaClients.consumer(kafka.connection(), "vigil-evaluate"), READ_TIMEOUT)) {
      report = new Evaluator(reader, clock).evaluate();
    }
    if (report.runs().isEmpty()) {
      throw new UserException(
          "No simulation run found on the labels topics of "
              + bootstrap
              + ": ./vigil simulate first");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.toTable());
    Path dir = output == null ? workspace.runtimeDir().resolve("evaluation") : output;
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("evaluation.md"), report.toMarkdown());
      Files.writeString(dir.resolve("evaluation.json"), report.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the evaluation to " + dir, e);
    }
    out.println("Written to " + dir.resolve("evaluation.md") + " and evaluation.json");
    out.flush();
    return 0;
  }
}
