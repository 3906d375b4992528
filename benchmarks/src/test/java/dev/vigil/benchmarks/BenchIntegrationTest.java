package dev.vigil.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A smoke run of the whole harness, with counts so small that it checks only that every phase runs
 * end to end and reports: no figure it measures decides the outcome.
 */
class BenchIntegrationTest {

  private static final Instant RUN_START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Path ROOT = Path.of(System.getProperty("vigil.root", ".."));

  @TempDir Path work;

  @Test
  void shouldMeasureEveryContenderAndWriteTheResults() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine bench = Bench.commandLine(Clock.fixed(RUN_START, ZoneOffset.UTC));
    bench.setOut(new PrintWriter(out));

    int exitCode =
        bench.execute(
            "--home=" + ROOT,
            "--work-dir=" + work.resolve("run"),
            "--results=" + work.resolve("results"),
            "--services=fraud-detection-service",
            "--events=2000",
            "--keys=200",
            "--repetitions=1",
            "--guarantees=at_least_once",
            "--latency-rates=500",
            "--latency-seconds=1",
            "--latency-segments=1",
            "--memory-events=300",
            "--recovery-events=50");

    assertThat(exitCode).as(out.toString()).isZero();
    JsonNode results = JsonMapper.builder().build().readTree(work.resolve("results/latest.json"));
    assertThat(results.get("throughput").valueStream().map(r -> r.get("contender").asString()))
        .containsExactlyInAnyOrder("pipe", "pipe+json", "service");
    assertThat(results.get("throughput").valueStream().map(r -> r.get("events").asLong()))
        .allMatch(events -> events > 0);
    assertThat(results.get("latency").valueStream().map(r -> r.get("contender").asString()))
        .containsExactlyInAnyOrder("pipe", "service");
    // Every contender and the broker burn some CPU in a segment; NaN would be a parse failure.
    assertThat(results.get("latency").valueStream().map(r -> r.get("cpu")))
        .allMatch(cpu -> cpu.get("contender").asDouble() > 0 && cpu.get("broker").asDouble() > 0);
    assertThat(results.get("memory").valueStream().map(r -> r.get("events").asLong()))
        .allMatch(events -> events >= 2_300);
    assertThat(results.get("recovery").valueStream().map(r -> r.get("stateKept").asBoolean()))
        .containsExactly(true, false);
    assertThat(Files.readString(work.resolve("results/latest.md")))
        .contains("| fraud-detection-service | at_least_once |");
    assertThat(out.toString()).contains("### Throughput");
    assertThat(Files.readString(work.resolve("run/logs/kafka.log")))
        .contains("Kafka broker ready on");
  }
}
