package dev.vigil.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checked-out repository, whose deployment files the tests read. */
final class Repository {

  static final Path ROOT =
      Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();

  static final Path PROMETHEUS_CONFIG = ROOT.resolve("deploy/prometheus/prometheus.yml");
  static final Path PROMETHEUS_RULES = ROOT.resolve("deploy/prometheus/rules.yml");
  static final Path DASHBOARDS = ROOT.resolve("deploy/grafana/dashboards");
  static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
  static final Path HEALTH_CHECK = ROOT.resolve("deploy/docker/HealthCheck.java");

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  private Repository() {}

  /** The modules of the root pom that are Spring Boot services: those with an application.yml. */
  static List<String> serviceModules() {
    Matcher m = MODULE.matcher(read(ROOT.resolve("pom.xml")));
    List<String> modules = new ArrayList<>();
    while (m.find()) {
      if (Files.isRegularFile(applicationYml(m.group(1)))) {
        modules.add(m.group(1));
      }
    }
    return modules;
  }

  static Path composeFile(String name) {
    return ROOT.resolve(name);
  }

  /** A module's own configuration, which Spring Boot reads from its classpath. */
  static Path applicationYml(String module) {
    return ROOT.resolve(module).resolve("src/main/resources/application.yml");
  }

  /** The jar Maven built for a module, as the Dockerfile finds it. */
  static Path bootJar(String module) {
    return ROOT.resolve(module).resolve("target").resolve(module + ".jar");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
