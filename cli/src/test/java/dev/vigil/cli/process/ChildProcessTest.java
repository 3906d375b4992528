package dev.vigil.cli.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  private static final Duration GRACE = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void shouldRecordItsPidWhileItRunsAndLogItsOutput() throws Exception {
    PidFile pidFile = PidFile.in(dir.resolve("run"), "sleeper");
    Path log = dir.resolve("logs").resolve("sleeper.log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "the run before");

    ChildProcess child =
        ChildProcess.start(
            new ChildProcess.Spec(
                "sleeper",
                List.of("sh", "-c", "echo started; echo \"$GREETING\"; exec sleep 60"),
                Map.of("GREETING", "hello from the environment"),
                log,
                pidFile,
                GRACE));
    try {
      assertThat(pidFile.read()).hasValue(child.pid());
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(Files.readAllLines(log))
                      .containsExactly("started", "hello from the environment"));
    } finally {
      assertThat(child.stop()).as("needed SIGKILL").isFalse();
    }

    assertThat(child.isAlive()).isFalse();
    assertThat(Files.exists(pidFile.path())).isFalse();
    assertThat(log.resolveSibling("sleeper.log.previous")).hasContent("the run before");
  }
}
