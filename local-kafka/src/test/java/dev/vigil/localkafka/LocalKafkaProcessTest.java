package dev.vigil.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaProcessTest {

  @TempDir Path tempDir;

  @Test
  void shouldRunTheJarSoThatItStopsWithThisJvm() {
    List<String> command =
        LocalKafkaProcess.builder()
            .jar(Path.of("/opt/local-kafka.jar"))
            .dataDir(tempDir)
            .jvmArgs(List.of("-Xmx256m"))
            .command(19092, 0);

    assertThat(command.get(0)).endsWith("java");
    assertThat(command.subList(1, command.size()))
        .containsExactly(
            "-Xmx256m",
            "-jar",
            "/opt/local-kafka.jar",
            "--host",
            "localhost",
            "--port",
            "19092",
            "--data-dir",
            tempDir.toAbsolutePath().toString(),
            "--stop-with-parent");
  }

  @Test
  void shouldRunTheMainClassFromAClasspath() {
    List<String> command =
        LocalKafkaProcess.builder()
            .classpath("a.jar:b.jar")
            .dataDir(tempDir)
            .partitions(1)
            .command(19092, 29093);

    assertThat(command)
        .containsSubsequence("-cp", "a.jar:b.jar", "dev.vigil.localkafka.LocalKafka")
        .containsSubsequence("--controller-port", "29093")
        .containsSubsequence("--partitions", "1");
  }

  @Test
  void shouldFindTheJarNamedBySystemProperty() {
    String previous = System.getProperty(LocalKafkaProcess.JAR_PROPERTY);
    System.setProperty(LocalKafkaProcess.JAR_PROPERTY, tempDir.resolve("lk.jar").toString());
    try {
      assertThat(LocalKafkaProcess.locateJar()).isEqualTo(tempDir.resolve("lk.jar"));
    } finally {
      if (previous == null) {
        System.clearProperty(LocalKafkaProcess.JAR_PROPERTY);
      } else {
        System.setProperty(LocalKafkaProcess.JAR_PROPERTY, previous);
      }
    }
  }

  @Test
  void shouldPickDistinctFreePorts() {
    int[] ports = LocalKafkaProcess.freePorts(2);

    assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(2);
    assertThat(PortCheck.isFree("localhost", ports[0])).isTrue();
    assertThat(PortCheck.isFree("localhost", ports[1])).isTrue();
  }
}
