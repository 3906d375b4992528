package dev.vigil.cli.acls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * The {@code kafka-acls.sh} commands that grant what {@link ServiceAcls} holds, one per resource,
 * for an operator who applies ACLs with Kafka's own tools or reviews them first.
 */
final class KafkaAclsScript {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:=,/@+-]+");

  private KafkaAclsScript() {}

  static List<String> lines(ServiceAcls acls, String bootstrapServers, Path commandConfig) {
    List<String> lines = new ArrayList<>();
    lines.add("# " + acls.service() + " as " + acls.principal());
    acls.grants()
        .forEach(
            (resource, operations) ->
                lines.add(
                    command(
                        acls.principal(), resource, operations, bootstrapServers, commandConfig)));
    return lines;
  }

  private static String command(
      String principal,
      ResourcePattern resource,
      Set<AclOperation> operations,
      String bootstrapServers,
      Path commandConfig) {
    List<String> words =
        new ArrayList<>(List.of("kafka-acls.sh", "--bootstrap-server", bootstrapServers));
    if (commandConfig != null) {
      words.addAll(List.of("--command-config", commandConfig.toString()));
    }
    words.addAll(List.of("--add", "--allow-principal", principal));
    operations.forEach(operation -> words.addAll(List.of("--operation", name(operation))));
    if (resource.patternType() == PatternType.PREFIXED) {
      words.addAll(List.of("--resource-pattern-type", "prefixed"));
    }
    words.add(
        switch (resource.resourceType()) {
          case TOPIC -> "--topic";
          case GROUP -> "--group";
          case TRANSACTIONAL_ID -> "--transactional-id";
          default -> throw new IllegalArgumentException("No service ACL on " + resource);
        });
    words.add(resource.name());
    return String.join(" ", words.stream().map(KafkaAclsScript::quoted).toList());
  }

  /** As kafka-acls.sh spells it: DESCRIBE_CONFIGS is DescribeConfigs. */
  private static String name(AclOperation operation) {
    StringBuilder name = new StringBuilder();
    for (String part : operation.name().split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  private static String quoted(String word) {
    return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
