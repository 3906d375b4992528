package dev.vigil.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class KafkaRefusalTest {

  @Test
  void shouldNameTheCredentialSettingsWhenAuthenticationFails() {
    KafkaRefusal refusal =
        KafkaRefusal.in(
                new KafkaException(
                    "Could not start stream",
                    new StreamsException(new SaslAuthenticationException("invalid credentials"))))
            .orElseThrow();

    assertThat(refusal.description())
        .isEqualTo("Kafka refused this service's credentials: invalid credentials");
    assertThat(refusal.action()).contains("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
  }

  @Test
  void shouldPointAtTheAclsWhenAuthorizationFails() {
    KafkaRefusal refusal =
        KafkaRefusal.in(new GroupAuthorizationException("Not authorized to access group"))
            .orElseThrow();

    assertThat(refusal.description())
        .isEqualTo(
            "Kafka denied this service access (GroupAuthorizationException): Not authorized to"
                + " access group");
    assertThat(refusal.action()).contains("./vigil acls");
  }

  @Test
  void shouldFindNoRefusalInOtherErrors() {
    assertThat(KafkaRefusal.in(new IllegalStateException("boom", new KafkaException("x"))))
        .isEmpty();
  }

  @Test
  void shouldReportARefusedStartAsAFailureAnalysis() {
    FailureAnalysis analysis =
        new KafkaRefusalFailureAnalyzer()
            .analyze(new IllegalStateException(new SaslAuthenticationException("bad password")));

    assertThat(analysis.getDescription())
        .isEqualTo("Kafka refused this service's credentials: bad password");
    assertThat(analysis.getAction()).contains("sasl.jaas.config");
  }

  @Test
  void shouldLeaveOtherStartFailuresToOtherAnalyzers() {
    assertThat(new KafkaRefusalFailureAnalyzer().analyze(new IllegalStateException("port taken")))
        .isNull();
  }
}
