package dev.vigil.cli;

import dev.vigil.cli.service.VigilService;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Vigil lives on this machine: the repository root with the built jars, and {@code .vigil/}
 * under it for everything a local run writes (broker data, service state, logs, pid files), so that
 * deleting {@code .vigil/} resets the suite.
 */
public record Workspace(Path home) {

  public static final String HOME_VARIABLE = "VIGIL_HOME";

  /** The broker's name in pid and log files. */
  public static final String BROKER = "kafka";

  public Workspace {
    home = home.toAbsolutePath().normalize();
  }

  /** {@code $VIGIL_HOME}, which the {@code vigil} script sets, or else the working directory. */
  public static Workspace fromEnvironment(Map<String, String> environment) {
    String home = environment.get(HOME_VARIABLE);
    return new Workspace(Path.of(home == null || home.isBlank() ? "" : home));
  }

  public Path runtimeDir() {
    return home.resolve(".vigil");
  }

  public Path brokerData() {
    return runtimeDir().resolve("kafka");
  }

  public Path stateDir(VigilService service) {
    return runtimeDir().resolve("state").resolve(service.name());
  }

  public Path logsDir() {
    return runtimeDir().resolve("logs");
  }

  public Path logFile(String process) {
    return logsDir().resolve(process + ".log");
  }

  public Path pidsDir() {
    return runtimeDir().resolve("run");
  }

  public Path pidFile(String process) {
    return pidsDir().resolve(process + ".pid");
  }

  public Path brokerJar() {
    return home.resolve("local-kafka").resolve("target").resolve("local-kafka.jar");
  }

  public Path jar(VigilService service) {
    return home.resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
  }

  /** The jar a process recorded under {@code name} in {@code .vigil/run} was started from. */
  public Path jarOf(String process) {
    return process.equals(BROKER)
        ? brokerJar()
        : home.resolve(process).resolve("target").resolve(process + ".jar");
  }
}
