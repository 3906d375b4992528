package dev.vigil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One service (container) of a compose file, as far as the tests look at it. */
record ComposeService(
    String id,
    String image,
    Optional<String> module,
    Map<String, String> environment,
    List<Port> ports,
    List<Volume> volumes,
    List<String> healthcheck,
    Map<String, String> dependsOn,
    Optional<String> hostname,
    List<String> aliases,
    List<String> command) {

  /** A port mapping; {@code published} is null for a port that is not published on the host. */
  record Port(Integer published, int target) {}

  /** A mount: a named volume, or a bind mount when the source is a path. */
  record Volume(String source, String target) {

    boolean named() {
      return !source.startsWith(".") && !source.startsWith("/");
    }
  }

  /** The names other containers reach it by: its service name, host name and aliases. */
  Set<String> networkNames() {
    return Stream.concat(Stream.concat(Stream.of(id), hostname.stream()), aliases.stream())
        .collect(Collectors.toSet());
  }

  String moduleName() {
    return module.orElseThrow();
  }
}
