package dev.vigil.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Dockerfile's runtime image holds, laid out in a directory without Docker: the module's
 * jar extracted with Spring Boot's tools jar mode, its layers copied in the Dockerfile's order, and
 * the Dockerfile's entry point to start it with.
 */
final class ImageLayout {

  private static final Pattern LAYER_COPY =
      Pattern.compile("^COPY --from=build /extracted/([a-z-]+)/ \\./$", Pattern.MULTILINE);
  private static final Pattern ENTRYPOINT =
      Pattern.compile("^ENTRYPOINT (\\[.*])$", Pattern.MULTILINE);

  private ImageLayout() {}

  /** The layers the Dockerfile copies into the image, in its order. */
  static List<String> copiedLayers() {
    Matcher m = LAYER_COPY.matcher(Repository.read(Repository.DOCKERFILE));
    List<String> layers = new ArrayList<>();
    while (m.find()) {
      layers.add(m.group(1));
    }
    return layers;
  }

  /** The image's command, with {@code java} as the first element. */
  static List<String> entrypoint() {
    Matcher m = ENTRYPOINT.matcher(Repository.read(Repository.DOCKERFILE));
    if (!m.find()) {
      throw new IllegalStateException("No ENTRYPOINT in " + Repository.DOCKERFILE);
    }
    return List.of(JsonMapper.builder().build().readValue(m.group(1), String[].class));
  }

  /**
   * Extracts the jar as the Dockerfile's build stage does and returns the layers it produced; the
   * application directory then holds them merged, as the image's working directory does.
   */
  static Set<String> extract(Path jar, Path work, Path application, String java)
      throws IOException, InterruptedException {
    Path extracted = work.resolve("extracted");
    Process process =
        new ProcessBuilder(
                java,
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--layers",
                "--launcher",
                "--destination",
                extracted.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("extract.log").toFile())
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("Extracting " + jar + " failed: see " + work);
    }
    for (String layer : copiedLayers()) {
      copyTree(extracted.resolve(layer), application);
    }
    try (Stream<Path> layers = Files.list(extracted)) {
      return layers.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
