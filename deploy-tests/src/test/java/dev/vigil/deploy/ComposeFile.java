package dev.vigil.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A docker compose file as docker compose reads it: YAML with merge keys, and {@code
 * ${VAR:-default}} interpolated as in a shell where no variable is set, so that the defaults are
 * what is tested.
 */
record ComposeFile(String name, Map<String, ComposeService> services) {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$\\$");

  static ComposeFile load(String name) {
    String text = Repository.read(Repository.composeFile(name));
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    Map<String, ComposeService> services = new LinkedHashMap<>();
    map(root.get("services")).forEach((id, spec) -> services.put(id, service(id, map(spec))));
    return new ComposeFile(name, services);
  }

  @Override
  public String toString() {
    return name;
  }

  Path path() {
    return Repository.composeFile(name);
  }

  /** The containers that run a Spring Boot service of this repository, with its module. */
  List<ComposeService> vigilServices() {
    return services.values().stream()
        .filter(
            s -> s.module().map(m -> Repository.applicationYml(m).toFile().isFile()).orElse(false))
        .toList();
  }

  List<ComposeService> kafkaBrokers() {
    return services.values().stream().filter(s -> s.image().startsWith("apache/kafka:")).toList();
  }

  private static ComposeService service(String id, Map<String, Object> spec) {
    Map<String, Object> build = map(spec.get("build"));
    Optional<String> module =
        Optional.ofNullable(map(build.get("args")).get("MODULE")).map(String::valueOf);
    Map<String, String> environment = new LinkedHashMap<>();
    map(spec.get("environment"))
        .forEach((k, v) -> environment.put(k, interpolate(String.valueOf(v))));
    List<ComposeService.Port> ports = new ArrayList<>();
    for (Object port : list(spec.get("ports"))) {
      String[] parts = String.valueOf(port).split(":");
      ports.add(
          new ComposeService.Port(
              parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : null,
              Integer.parseInt(parts[parts.length - 1])));
    }
    List<ComposeService.Volume> volumes = new ArrayList<>();
    for (Object volume : list(spec.get("volumes"))) {
      String[] parts = String.valueOf(volume).split(":");
      volumes.add(new ComposeService.Volume(parts[0], parts[1]));
    }
    List<String> aliases = new ArrayList<>();
    map(spec.get("networks"))
        .values()
        .forEach(n -> list(map(n).get("aliases")).forEach(a -> aliases.add(String.valueOf(a))));
    Map<String, String> dependsOn = new LinkedHashMap<>();
    map(spec.get("depends_on"))
        .forEach((k, v) -> dependsOn.put(k, String.valueOf(map(v).get("condition"))));
    return new ComposeService(
        id,
        String.valueOf(spec.getOrDefault("image", "")),
        module,
        environment,
        ports,
        volumes,
        list(map(spec.get("healthcheck")).get("test")).stream().map(String::valueOf).toList(),
        dependsOn,
        Optional.ofNullable((String) spec.get("hostname")),
        aliases,
        list(spec.get("command")).stream().map(String::valueOf).toList());
  }

  static String interpolate(String value) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (m.find()) {
      String replacement =
          m.group().equals("$$") ? "$" : m.group(2) == null ? "" : interpolate(m.group(2));
      m.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(result).toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    return yaml instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object yaml) {
    return yaml instanceof List<?> l ? l : List.of();
  }
}
