package dev.vigil.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cli.UserException;
import dev.vigil.cli.VigilCli;
import dev.vigil.cli.Workspace;
import dev.vigil.cli.service.VigilServices;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

  @TempDir Path home;

  @Test
  void shouldRefuseARateOutOfRangeBeforeConnecting() {
    StringWriter err = new StringWriter();
    CommandLine cli = cli();
    cli.setErr(new PrintWriter(err, true));

    int exitCode = cli.execute("simulate", "--rate", "0", "--bootstrap-servers", "localhost:1");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains("--rate must be between 1 and 10000");
  }

  @Test
  void shouldRefuseAnUnknownDomainBeforeConnecting() {
    StringWriter err = new StringWriter();
    CommandLine cli = cli();
    cli.setErr(new PrintWriter(err, true));

    int exitCode =
        cli.execute("simulate", "--domain", "weather", "--bootstrap-servers", "localhost:1");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .contains("--domain must be fraud, recommendation, vitals, iot or all");
  }

  @Test
  void shouldBeACommandOfTheCliAlsoUnderItsOldName() {
    CommandLine cli = cli();

    assertThat(cli.getSubcommands()).containsKeys("simulate", "sample", "evaluate");
    assertThat(cli.getSubcommands().get("sample").getCommandSpec().findOption("--heartbeat-file"))
        .isNotNull();
  }

  @Test
  void shouldNameTheRecommendationServiceEitherWay() {
    assertThat(SimulateCommand.services("recommendation"))
        .containsExactly(VigilServices.RECOMMENDATION);
    assertThat(SimulateCommand.services("shop")).containsExactly(VigilServices.RECOMMENDATION);
    assertThat(SimulateCommand.services("all")).isEqualTo(VigilServices.ALL);
  }

  @Test
  void shouldReadDurationsWithUnitsOrAsSeconds() {
    assertThat(SimulateCommand.parseDuration("60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(SimulateCommand.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(SimulateCommand.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(SimulateCommand.parseDuration("600")).isEqualTo(Duration.ofSeconds(600));
    assertThatThrownBy(() -> SimulateCommand.parseDuration("soon"))
        .isInstanceOf(UserException.class);
  }

  private CommandLine cli() {
    return VigilCli.commandLine(
        new Workspace(home), Clock.systemUTC(), new ByteArrayInputStream(new byte[0]), Map.of());
  }
}
