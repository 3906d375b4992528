package dev.vigil.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Starts contenders with the same JVM settings: the services from their own jars, the baselines
 * from this harness's code, each in a JVM of its own.
 */
final class Launcher {

  private final Path home;
  private final Path workDir;
  private final String bootstrapServers;
  private final int partitions;
  private final String heap;
  private final long commitIntervalMs;
  private final boolean jfr;
  private int started;

  Launcher(
      Path home,
      Path workDir,
      String bootstrapServers,
      int partitions,
      String heap,
      long commitIntervalMs,
      boolean jfr) {
    this.home = home;
    this.workDir = workDir;
    this.bootstrapServers = bootstrapServers;
    this.partitions = partitions;
    this.heap = heap;
    this.commitIntervalMs = commitIntervalMs;
    this.jfr = jfr;
  }

  long commitIntervalMs() {
    return commitIntervalMs;
  }

  static Path serviceJar(Path home, ServiceSpec spec) {
    return home.resolve(spec.service()).resolve("target").resolve(spec.service() + ".jar");
  }

  Path stateDir(String applicationId) {
    return workDir.resolve("state").resolve(applicationId);
  }

  ContenderProcess service(ServiceSpec spec, String applicationId, String guarantee) {
    List<String> command = jvm(applicationId);
    command.addAll(
        List.of(
            "-jar",
            serviceJar(home, spec).toString(),
            "--server.port=" + FreePort.pick(),
            "--spring.kafka.bootstrap-servers=" + bootstrapServers,
            "--spring.kafka.streams.application-id=" + applicationId,
            "--spring.kafka.streams.state-dir=" + stateDir(applicationId),
            "--spring.kafka.streams.properties.processing.guarantee=" + guarantee,
            "--spring.kafka.streams.properties.commit.interval.ms=" + commitIntervalMs,
            "--vigil.topics.partitions=" + partitions));
    return start(applicationId, command);
  }

  ContenderProcess pipe(ServiceSpec spec, Contender contender, String group, String guarantee) {
    List<String> command = jvm(group);
    String classPath = System.getProperty("java.class.path");
    if (isBootJar(classPath)) {
      command.addAll(List.of("-jar", classPath));
    } else {
      command.addAll(List.of("-cp", classPath, Bench.class.getName()));
    }
    command.addAll(
        List.of(
            "pipe",
            "--bootstrap-servers=" + bootstrapServers,
            "--service=" + spec.service(),
            "--output=" + spec.pipeOutput(contender),
            "--group=" + group,
            "--guarantee=" + guarantee,
            "--commit-interval-ms=" + commitIntervalMs));
    if (contender == Contender.PIPE_JSON) {
      command.add("--json");
    }
    return start(group, command);
  }

  /** Each start gets files of its own: a restarted service keeps its name but not its logs. */
  private String fileName(String name) {
    return name + "." + started;
  }

  /**
   * Whether this harness runs from its executable jar, whose classes only Spring Boot's launcher
   * finds; any other class path (classes, or a test runner's manifest-only jar) works with -cp.
   */
  private static boolean isBootJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      Manifest manifest = jar.getManifest();
      return manifest != null && manifest.getMainAttributes().getValue("Start-Class") != null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + classPath, e);
    }
  }

  private List<String> jvm(String name) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Xlog:gc:file=" + gcLog(name));
    if (jfr) {
      command.add(
          "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
              + workDir.resolve("jfr").resolve(fileName(name) + ".jfr"));
    }
    return command;
  }

  private Path gcLog(String name) {
    return workDir.resolve("logs").resolve(fileName(name) + ".gc.log");
  }

  private ContenderProcess start(String name, List<String> command) {
    ContenderProcess process =
        ContenderProcess.start(
            name, command, workDir.resolve("logs").resolve(fileName(name) + ".log"), gcLog(name));
    started++;
    return process;
  }
}
