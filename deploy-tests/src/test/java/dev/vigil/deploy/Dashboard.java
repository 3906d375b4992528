package dev.vigil.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A provisioned Grafana dashboard in deploy/grafana/dashboards. */
record Dashboard(Path file, JsonNode json) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static List<Dashboard> all() {
    try (Stream<Path> files = Files.list(Repository.DASHBOARDS)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .map(f -> new Dashboard(f, JSON.readTree(Repository.read(f))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dashboards of one service each, by the service their {@code service} constant names. */
  static Map<String, Dashboard> perService() {
    Map<String, Dashboard> byService = new TreeMap<>();
    all().forEach(d -> d.service().ifPresent(s -> byService.put(s, d)));
    return byService;
  }

  /** The value of the dashboard's hidden {@code service} constant, if it has one. */
  Optional<String> service() {
    for (JsonNode variable : json.path("templating").path("list")) {
      if (variable.path("name").asString().equals("service")
          && variable.path("type").asString().equals("constant")) {
        return Optional.of(variable.path("query").asString());
      }
    }
    return Optional.empty();
  }

  JsonNode panels() {
    return json.path("panels");
  }

  /** Every query of every panel, also of panels inside collapsed rows. */
  List<String> expressions() {
    List<String> expressions = new ArrayList<>();
    collect(panels(), expressions);
    return expressions;
  }

  /**
   * A query as Grafana sends it to Prometheus: its variables replaced, {@code $service} by the
   * given service (every service's dashboard has the same panels).
   */
  static String substitute(String expr, String rateInterval, String service) {
    return expr.replace("$__rate_interval", rateInterval)
        .replace("$__interval", rateInterval)
        .replace("$__range", rateInterval)
        .replace("$service", service);
  }

  private static void collect(JsonNode panels, List<String> expressions) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr")) {
          expressions.add(target.get("expr").asString());
        }
      }
      collect(panel.path("panels"), expressions);
    }
  }

  @Override
  public String toString() {
    return file.getFileName().toString();
  }
}
