package dev.vigil.benchmarks.formats;

import dev.vigil.common.json.JsonSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serde;

/**
 * One kind of value a service keeps (a store value, a changelog or repartition record), an example
 * of it as large as it gets in use, and the serdes of both formats: JSON, as the services kept
 * state until the binary format, and the binary state format they keep it in now.
 */
public record StateValue<T>(String name, T value, Serde<T> json, Serde<T> binary) {

  /** Where the services' golden files are, under the repository root ({@code -Dvigil.root}). */
  private static final Path ROOT = Path.of(System.getProperty("vigil.root", "."));

  public static <T> StateValue<T> of(String name, T value, Class<T> type, Serde<T> binary) {
    return new StateValue<>(name, value, JsonSerdes.serdeFor(type), binary);
  }

  /**
   * The example value of a service's golden file ({@code <module>/src/test/resources/golden/}),
   * which its tests hold to what the format wrote.
   */
  public static <T> StateValue<T> golden(
      String name, String module, String file, Class<T> type, Serde<T> binary) {
    Path path = ROOT.resolve(module).resolve("src/test/resources/golden").resolve(file);
    try {
      return of(
          name,
          binary.deserializer().deserialize("golden", Files.readAllBytes(path)),
          type,
          binary);
    } catch (IOException e) {
      throw new UncheckedIOException("Run from the repository root, or set -Dvigil.root", e);
    }
  }

  byte[] write(String format) {
    return serde(format).serializer().serialize("bench", value);
  }

  T read(String format, byte[] bytes) {
    return serde(format).deserializer().deserialize("bench", bytes);
  }

  private Serde<T> serde(String format) {
    return switch (format) {
      case "json" -> json;
      case "binary" -> binary;
      default -> throw new IllegalArgumentException("No format " + format);
    };
  }
}
