package dev.vigil.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class VigilDefaultsTest {

  private static final String STREAMS = "spring.kafka.streams.properties.";

  private static StandardEnvironment environment(String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.setActiveProfiles(profiles);
    new VigilDefaults().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void shouldDefaultToOneBrokerWithoutStandbys() {
    StandardEnvironment environment = environment();

    assertThat(environment.getProperty("vigil.topics.replication-factor")).isEqualTo("1");
    assertThat(environment.getProperty(STREAMS + "num.standby.replicas")).isEqualTo("0");
    assertThat(environment.getProperty(STREAMS + "processing.guarantee"))
        .isEqualTo("exactly_once_v2");
  }

  @Test
  void shouldMakeTheProductionSettingsTheDefaultsInTheProductionProfile() {
    StandardEnvironment environment = environment("production");

    assertThat(environment.getProperty("vigil.topics.replication-factor")).isEqualTo("3");
    assertThat(environment.getProperty("spring.kafka.streams.replication-factor")).isEqualTo("3");
    assertThat(environment.getProperty(STREAMS + "topic.min.insync.replicas")).isEqualTo("2");
    assertThat(environment.getProperty(STREAMS + "producer.acks")).isEqualTo("all");
    assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
    assertThat(environment.getProperty(STREAMS + "num.standby.replicas")).isEqualTo("1");
    assertThat(environment.getProperty(STREAMS + "processing.guarantee"))
        .isEqualTo("exactly_once_v2");
  }

  @Test
  void shouldLetTheServiceOverrideAProductionDefault() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.setActiveProfiles("production");
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("service", Map.of(STREAMS + "num.standby.replicas", "2")));

    new VigilDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(STREAMS + "num.standby.replicas")).isEqualTo("2");
  }
}
