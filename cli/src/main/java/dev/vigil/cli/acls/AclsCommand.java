package dev.vigil.cli.acls;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.UserException;
import dev.vigil.cli.service.VigilService;
import dev.vigil.cli.service.VigilServices;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.utils.SecurityUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "acls",
    description = {
      "Grants each service's Kafka principal exactly the access it needs: read the topics it"
          + " reads, write the topics it writes and its dead-letter topic, its own internal"
          + " topics, consumer group and transactional ids (all named after its application id).",
      "Run it as a principal allowed to alter ACLs (--command-config). --dry-run prints the"
          + " equivalent kafka-acls.sh commands instead."
    },
    mixinStandardHelpOptions = true)
public final class AclsCommand implements Callable<Integer> {

  /** Run once per deployment, often against a remote cluster: patience costs little here. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Mixin BootstrapServers kafka;

  @Option(
      names = "--principal",
      paramLabel = "SERVICE=PRINCIPAL",
      description =
          "The principal a service logs in as, e.g. fraud-detection-service=User:fraud; for a TLS"
              + " client certificate, User: and its distinguished name. Default: User: and the"
              + " service's name.")
  Map<String, String> principals = new LinkedHashMap<>();

  @Option(
      names = "--service",
      paramLabel = "NAME",
      description = "Only this service; repeat for more. Default: every service.")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--dry-run",
      description = "Print the kafka-acls.sh commands instead of creating the ACLs.")
  boolean dryRun;

  @Override
  public Integer call() throws InterruptedException {
    List<ServiceAcls> acls = selected().stream().map(this::acls).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      acls.forEach(
          service ->
              KafkaAclsScript.lines(service, kafka.servers(), kafka.commandConfig())
                  .forEach(out::println));
      return 0;
    }
    try (Admin admin = KafkaClients.admin(kafka.connection(), TIMEOUT)) {
      KafkaClients.requireReachable(admin, kafka.servers(), TIMEOUT);
      for (ServiceAcls service : acls) {
        // Creating an ACL that exists already changes nothing, so the command can run again.
        admin.createAcls(service.bindings()).all().get();
        out.println(
            "Granted "
                + service.principal()
                + " "
                + service.bindings().size()
                + " ACLs for "
                + service.service());
      }
    } catch (ExecutionException e) {
      throw new UserException(
          "Could not create the ACLs on " + kafka.servers() + ": " + e.getCause().getMessage(),
          e.getCause());
    }
    return 0;
  }

  private List<VigilService> selected() {
    Set<String> known =
        VigilServices.ALL.stream().map(VigilService::name).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>(services);
    unknown.addAll(principals.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "No service " + unknown.get(0) + "; the services are " + known);
    }
    return VigilServices.ALL.stream()
        .filter(s -> services.isEmpty() || services.contains(s.name()))
        .toList();
  }

  private ServiceAcls acls(VigilService service) {
    String principal =
        principals.getOrDefault(service.name(), KafkaPrincipal.USER_TYPE + ":" + service.name());
    try {
      SecurityUtils.parseKafkaPrincipal(principal);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--principal " + service.name() + "=" + principal + " is not TYPE:NAME, e.g. User:fraud");
    }
    return ServiceAcls.of(service, principal);
  }
}
