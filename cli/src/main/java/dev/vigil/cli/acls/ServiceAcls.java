package dev.vigil.cli.acls;

import dev.vigil.cli.service.VigilService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Exactly the access one service's principal needs, by resource: read the topics its topology
 * reads, write the ones it writes and its dead-letter topic, everything Kafka Streams does with the
 * internal topics it names after the application id, its consumer group, and its transactional ids
 * (exactly-once). Nothing on the cluster: since Kafka 3.0 an idempotent producer needs no
 * IdempotentWrite when it may write some topic.
 *
 * @param grants the operations allowed on each resource, in a stable order
 */
public record ServiceAcls(
    String service, String principal, Map<ResourcePattern, Set<AclOperation>> grants) {

  /** What Kafka Streams does with its changelog and repartition topics. */
  private static final Set<AclOperation> INTERNAL_TOPIC_OPERATIONS =
      EnumSet.of(
          AclOperation.CREATE,
          AclOperation.READ,
          AclOperation.WRITE,
          AclOperation.DESCRIBE,
          AclOperation.DESCRIBE_CONFIGS,
          // Purges repartition topics up to the committed offsets.
          AclOperation.DELETE);

  private static final String ANY_HOST = "*";

  public ServiceAcls {
    // Kept in the order given: the order of the dry run's commands.
    Map<ResourcePattern, Set<AclOperation>> copy = new LinkedHashMap<>();
    grants.forEach(
        (resource, operations) ->
            copy.put(resource, Collections.unmodifiableSet(EnumSet.copyOf(operations))));
    grants = Collections.unmodifiableMap(copy);
  }

  /**
   * @param principal as the cluster names the service's login, e.g. {@code User:fraud} for SCRAM,
   *     {@code User:CN=fraud-detection-service,O=Example} for a TLS client certificate
   */
  public static ServiceAcls of(VigilService service, String principal) {
    String applicationId = service.name();
    Map<ResourcePattern, Set<AclOperation>> grants = new LinkedHashMap<>();
    service
        .access()
        .reads()
        .forEach(topic -> allow(grants, literalTopic(topic.name()), AclOperation.READ));
    service
        .access()
        .writes()
        .forEach(topic -> allow(grants, literalTopic(topic.name()), AclOperation.WRITE));
    // The service declares its dead-letter topic, so it creates it where it is missing.
    allow(grants, literalTopic(service.deadLetterTopic()), AclOperation.WRITE, AclOperation.CREATE);
    ResourcePattern internalTopics =
        new ResourcePattern(ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED);
    INTERNAL_TOPIC_OPERATIONS.forEach(operation -> allow(grants, internalTopics, operation));
    allow(
        grants,
        new ResourcePattern(ResourceType.GROUP, service.consumerGroup(), PatternType.LITERAL),
        AclOperation.READ);
    allow(
        grants,
        new ResourcePattern(
            ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED),
        AclOperation.WRITE,
        AclOperation.DESCRIBE);
    return new ServiceAcls(service.name(), principal, grants);
  }

  public List<AclBinding> bindings() {
    List<AclBinding> bindings = new ArrayList<>();
    grants.forEach(
        (resource, operations) ->
            operations.forEach(
                operation ->
                    bindings.add(
                        new AclBinding(
                            resource,
                            new AccessControlEntry(
                                principal, ANY_HOST, operation, AclPermissionType.ALLOW)))));
    return bindings;
  }

  private static ResourcePattern literalTopic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  private static void allow(
      Map<ResourcePattern, Set<AclOperation>> grants,
      ResourcePattern resource,
      AclOperation... operations) {
    grants
        .computeIfAbsent(resource, r -> EnumSet.noneOf(AclOperation.class))
        .addAll(List.of(operations));
  }
}
