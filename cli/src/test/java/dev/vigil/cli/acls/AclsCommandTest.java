package dev.vigil.cli.acls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.VigilCli;
import dev.vigil.cli.Workspace;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AclsCommandTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return VigilCli.commandLine(
            new Workspace(Path.of("unused")),
            Clock.fixed(NOON, ZoneOffset.UTC),
            new ByteArrayInputStream(new byte[0]),
            Map.of())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void shouldPrintTheKafkaAclsCommandsOfADryRun() {
    int exitCode =
        run(
            "acls",
            "--dry-run",
            "--service",
            "fraud-detection-service",
            "--principal",
            "fraud-detection-service=User:fraud",
            "--bootstrap-servers",
            "kafka.example.com:9096",
            "--command-config",
            "admin.properties");

    String prefix =
        "kafka-acls.sh --bootstrap-server kafka.example.com:9096 --command-config"
            + " admin.properties --add --allow-principal User:fraud ";
    assertThat(exitCode).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "# fraud-detection-service as User:fraud",
            prefix + "--operation Read --topic payments.transactions",
            prefix + "--operation Read --topic payments.accounts",
            prefix + "--operation Read --topic fraud.rules",
            prefix + "--operation Write --topic payments.decisions",
            prefix + "--operation Write --topic fraud.alerts",
            prefix + "--operation Write --operation Create --topic fraud-detection-service.dlq",
            prefix
                + "--operation Read --operation Write --operation Create --operation Delete"
                + " --operation Describe --operation DescribeConfigs"
                + " --resource-pattern-type prefixed --topic fraud-detection-service-",
            prefix + "--operation Read --group fraud-detection-service",
            prefix
                + "--operation Write --operation Describe --resource-pattern-type prefixed"
                + " --transactional-id fraud-detection-service-");
  }

  @Test
  void shouldNameEachServiceAfterItselfByDefault() {
    run("acls", "--dry-run");

    assertThat(out.toString().lines().filter(line -> line.startsWith("#")))
        .containsExactly(
            "# fraud-detection-service as User:fraud-detection-service",
            "# vitals-monitor-service as User:vitals-monitor-service",
            "# recommendation-service as User:recommendation-service",
            "# iot-telemetry-service as User:iot-telemetry-service");
  }

  @Test
  void shouldQuoteACertificatePrincipalForTheShell() {
    run(
        "acls",
        "--dry-run",
        "--service",
        "vitals-monitor-service",
        "--principal",
        "vitals-monitor-service=User:CN=vitals monitor,O=Example");

    assertThat(out.toString()).contains("--allow-principal 'User:CN=vitals monitor,O=Example' ");
  }

  @Test
  void shouldRefuseAnUnknownService() {
    int exitCode = run("acls", "--dry-run", "--service", "fraud");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).startsWith("No service fraud; the services are ");
  }
}
