package dev.vigil.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.VigilCli;
import dev.vigil.cli.Workspace;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleCommandTest {

  @TempDir Path home;

  @Test
  void shouldRefuseARateOutsideTheDemosRangeBeforeConnecting() {
    StringWriter err = new StringWriter();
    CommandLine cli =
        VigilCli.commandLine(
            new Workspace(home),
            Clock.systemUTC(),
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    cli.setErr(new PrintWriter(err, true));

    int exitCode = cli.execute("sample", "--rate", "0", "--bootstrap-servers", "localhost:1");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains("--rate must be between 1 and 100");
  }

  @Test
  void shouldBeACommandOfTheCli() {
    CommandLine cli =
        VigilCli.commandLine(
            new Workspace(home),
            Clock.systemUTC(),
            new ByteArrayInputStream(new byte[0]),
            Map.of());

    assertThat(cli.getSubcommands()).containsKey("sample");
    assertThat(cli.getSubcommands().get("sample").getCommandSpec().findOption("--heartbeat-file"))
        .isNotNull();
  }
}
