package dev.vigil.cli.acls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.cli.service.VigilServices;
import java.util.EnumSet;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class ServiceAclsTest {

  private static ResourcePattern topic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  @Test
  void shouldGrantTheFraudServiceItsTopicsGroupAndTransactionsOnly() {
    ServiceAcls acls = ServiceAcls.of(VigilServices.FRAUD_DETECTION, "User:fraud");

    assertThat(acls.grants())
        .containsExactly(
            entry(topic("payments.transactions"), EnumSet.of(AclOperation.READ)),
            entry(topic("payments.accounts"), EnumSet.of(AclOperation.READ)),
            entry(topic("fraud.rules"), EnumSet.of(AclOperation.READ)),
            entry(topic("payments.decisions"), EnumSet.of(AclOperation.WRITE)),
            entry(topic("fraud.alerts"), EnumSet.of(AclOperation.WRITE)),
            entry(
                topic("fraud-detection-service.dlq"),
                EnumSet.of(AclOperation.WRITE, AclOperation.CREATE)),
            entry(
                new ResourcePattern(
                    ResourceType.TOPIC, "fraud-detection-service-", PatternType.PREFIXED),
                EnumSet.of(
                    AclOperation.READ,
                    AclOperation.WRITE,
                    AclOperation.CREATE,
                    AclOperation.DELETE,
                    AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS)),
            entry(
                new ResourcePattern(
                    ResourceType.GROUP, "fraud-detection-service", PatternType.LITERAL),
                EnumSet.of(AclOperation.READ)),
            entry(
                new ResourcePattern(
                    ResourceType.TRANSACTIONAL_ID,
                    "fraud-detection-service-",
                    PatternType.PREFIXED),
                EnumSet.of(AclOperation.WRITE, AclOperation.DESCRIBE)));
  }

  @Test
  void shouldLetTheRecommendationServiceReadBackWhatItWrites() {
    ServiceAcls acls = ServiceAcls.of(VigilServices.RECOMMENDATION, "User:shop");

    assertThat(acls.grants())
        .containsEntry(topic("shop.related"), EnumSet.of(AclOperation.READ, AclOperation.WRITE))
        .containsEntry(topic("shop.activity"), EnumSet.of(AclOperation.READ))
        .containsEntry(topic("shop.recommendations"), EnumSet.of(AclOperation.WRITE));
  }

  @Test
  void shouldAllowEveryOperationToThePrincipalFromAnyHost() {
    ServiceAcls acls = ServiceAcls.of(VigilServices.VITALS_MONITOR, "User:vitals");

    assertThat(acls.bindings())
        .hasSize(acls.grants().values().stream().mapToInt(operations -> operations.size()).sum())
        .allSatisfy(
            binding -> {
              assertThat(binding.entry().principal()).isEqualTo("User:vitals");
              assertThat(binding.entry().host()).isEqualTo("*");
              assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            });
  }
}
