package dev.vigil.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterIdTest {

  @TempDir Path tempDir;

  @Test
  void shouldCreateTheIdOnceAndReuseIt() throws IOException {
    Path dataDir = tempDir.resolve("kafka");

    String first = ClusterId.loadOrCreate(dataDir);
    String second = ClusterId.loadOrCreate(dataDir);

    assertThat(second).isEqualTo(first);
    assertThat(dataDir.resolve("cluster.id")).hasContent(first);
  }

  @Test
  void shouldCreateAnIdKafkaAccepts() throws IOException {
    String id = ClusterId.loadOrCreate(tempDir);

    assertThatCode(() -> Uuid.fromString(id)).doesNotThrowAnyException();
  }
}
