package dev.vigil.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  private static final Path HOME = Path.of("/opt/vigil");

  @Test
  void shouldRunTheHarnessJarOfTheWorkspaceWithEveryOptionPassedOn() {
    BenchCommand bench = new BenchCommand(new Workspace(HOME));
    new CommandLine(bench).parseArgs("--events", "1000", "--services=fraud-detection-service");

    assertThat(bench.command())
        .endsWith(
            "-jar",
            "/opt/vigil/benchmarks/target/vigil-benchmarks.jar",
            "--home=/opt/vigil",
            "--events",
            "1000",
            "--services=fraud-detection-service");
  }
}
