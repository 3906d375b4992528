package dev.vigil.chaos;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast variants' settings and runner: small workloads, and the broker's minimum session
 * timeout, so that a killed instance's partitions move on within seconds rather than the default 45
 * s (what is checked does not depend on how fast that is).
 */
final class FastRuns {

  static final ChaosSettings SETTINGS =
      new ChaosSettings(Duration.ofSeconds(30), 60, 3, 42, Optional.of(Duration.ofSeconds(6)), 0);

  private static final Logger LOG = LoggerFactory.getLogger(FastRuns.class);

  private FastRuns() {}

  static Chaos chaos(Path workDir) {
    Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    return new Chaos(root, workDir, Clock.systemUTC(), LOG::info);
  }
}
