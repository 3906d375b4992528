package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {

  @TempDir Path tempDir;

  @Test
  void shouldLogInWithTheSettingsOfAClientPropertiesFile() throws IOException {
    Path file = tempDir.resolve("client.properties");
    Files.writeString(
        file,
        """
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-512
        sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
          username="ops" password="s3cret";
        """);

    KafkaConnection kafka = KafkaConnection.withClientConfig("kafka.example.com:9096", file);

    assertThat(kafka.clientProperties())
        .isEqualTo(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"ops\" password=\"s3cret\";"));
    assertThat(KafkaClients.consumer(kafka, "test"))
        .containsEntry("bootstrap.servers", "kafka.example.com:9096")
        .containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void shouldTakeTheBootstrapServersFromTheCommandNotTheFile() throws IOException {
    Path file = tempDir.resolve("client.properties");
    Files.writeString(file, "bootstrap.servers=elsewhere:9092\nsecurity.protocol=SSL\n");

    KafkaConnection kafka = KafkaConnection.withClientConfig("kafka.example.com:9094", file);

    assertThat(KafkaClients.producer(kafka, "test"))
        .containsEntry("bootstrap.servers", "kafka.example.com:9094")
        .containsEntry("security.protocol", "SSL");
  }

  @Test
  void shouldSayWhichFileItCannotRead() {
    Path missing = tempDir.resolve("missing.properties");

    assertThatThrownBy(() -> KafkaConnection.withClientConfig("localhost:9092", missing))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("Cannot read the Kafka client configuration " + missing);
  }
}
