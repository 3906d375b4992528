package dev.vigil.cli.status;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.Workspace;
import dev.vigil.cli.process.PidFile;
import dev.vigil.cli.process.Processes;
import dev.vigil.cli.service.ReadinessProbe;
import dev.vigil.cli.service.ReadinessProbe.Readiness;
import dev.vigil.cli.service.VigilService;
import dev.vigil.cli.service.VigilServices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    description = {
      "Shows whether Kafka answers, and for each service: its process, its readiness and how far"
          + " it is behind its input topics (consumer lag).",
      "Exits 0 when Kafka answers and every service is ready, 1 otherwise."
    },
    mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {

  private static final Duration TIMEOUT = KafkaClients.CONNECT_TIMEOUT;
  private static final long ADMIN_TIMEOUT_MS = TIMEOUT.toMillis();
  private static final String ROW = "%-26s %-14s %-30s %s%n";
  private static final String NOT_RUNNING = "not running";

  @Spec CommandSpec spec;

  @Mixin BootstrapServers kafka;

  private final Workspace workspace;
  private final ReadinessProbe probe;

  public StatusCommand(Workspace workspace, ReadinessProbe probe) {
    this.workspace = workspace;
    this.probe = probe;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    boolean healthy;
    try (Admin admin = KafkaClients.admin(kafka.connection())) {
      boolean reachable = describeBroker(admin, out);
      healthy = reachable;
      out.println();
      out.printf(Locale.ROOT, ROW, "SERVICE", "PROCESS", "READINESS", "LAG");
      for (VigilService service : VigilServices.ALL) {
        Readiness readiness = probe.check(service.port());
        healthy &= readiness.ready();
        out.printf(
            Locale.ROOT,
            ROW,
            service.name(),
            process(service.name(), workspace.jar(service)),
            readiness.ready() ? "UP" : readiness.detail(),
            reachable ? lag(admin, service.consumerGroup()) : "-");
      }
    }
    out.flush();
    return healthy ? 0 : 1;
  }

  private boolean describeBroker(Admin admin, PrintWriter out) throws InterruptedException {
    String local = process(Workspace.BROKER, workspace.brokerJar());
    String localNote = local.equals(NOT_RUNNING) ? "" : "; local broker " + local;
    try {
      Collection<Node> nodes =
          admin.describeCluster().nodes().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      out.println(
          "Kafka at "
              + kafka.servers()
              + ": up, "
              + nodes.size()
              + (nodes.size() == 1 ? " broker" : " brokers")
              + localNote);
      return true;
    } catch (ExecutionException e) {
      String problem =
          e.getCause() instanceof AuthenticationException
              ? "refused the login (" + e.getCause().getMessage() + ")"
              : "not reachable";
      out.println("Kafka at " + kafka.servers() + ": " + problem + localNote);
      return false;
    } catch (TimeoutException e) {
      out.println("Kafka at " + kafka.servers() + ": not reachable" + localNote);
      return false;
    }
  }

  private String process(String name, Path jar) {
    OptionalLong pid = PidFile.in(workspace.pidsDir(), name).read();
    if (pid.isEmpty()) {
      return NOT_RUNNING;
    }
    return Processes.running(pid.getAsLong(), jar).isPresent()
        ? "pid " + pid.getAsLong()
        : "exited (pid " + pid.getAsLong() + ")";
  }

  private static String lag(Admin admin, String group) throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(
                  group, new ListConsumerGroupOffsetsOptions().timeoutMs((int) ADMIN_TIMEOUT_MS))
              .partitionsToOffsetAndMetadata()
              .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Map<TopicPartition, Long> positions = new HashMap<>();
      committed.forEach(
          (partition, offset) -> {
            if (offset != null) {
              positions.put(partition, offset.offset());
            }
          });
      if (positions.isEmpty()) {
        return Lag.of(Map.of(), Map.of()).describe();
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      positions.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
      // The end a read_committed consumer can reach: records of open transactions do not count.
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin
              .listOffsets(
                  latest,
                  new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)
                      .timeoutMs((int) ADMIN_TIMEOUT_MS))
              .all()
              .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Map<TopicPartition, Long> endOffsets = new HashMap<>();
      ends.forEach((partition, info) -> endOffsets.put(partition, info.offset()));
      return Lag.of(positions, endOffsets).describe();
    } catch (ExecutionException | TimeoutException e) {
      return "unknown (" + rootMessage(e) + ")";
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
