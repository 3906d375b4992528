package dev.vigil.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.json.JsonSerdes;
import dev.vigil.common.state.StateSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;

/**
 * Golden files: the bytes a format wrote for a fixed example value, committed under the module's
 * {@code src/test/resources/golden/}, so that a test reads what an earlier release wrote and fails
 * when a change makes it unreadable. A file that does not exist yet is written from the current
 * format, for a developer to commit; on CI a missing file fails the test, since it can only pass
 * against bytes that were committed.
 */
public final class GoldenFiles {

  private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  /**
   * Asserts that {@code serde} reads the binary golden file of {@code type} ({@code <type>.v1.bin},
   * written from {@code expected} if missing) as {@code expected}, after the format byte.
   */
  public static <T> void assertReadsBinary(String type, Serde<T> serde, T expected) {
    byte[] bytes = read(type + ".v1.bin", () -> serde.serializer().serialize("", expected));

    assertThat(bytes[0]).as("format byte").isEqualTo(StateSerdes.FORY);
    assertThat(serde.deserializer().deserialize("", bytes)).isEqualTo(expected);
  }

  /**
   * Asserts that {@code serde} reads the JSON golden file of {@code type} ({@code <type>.v0.json}),
   * as the releases before the binary format wrote it, as {@code expected}.
   */
  public static <T> void assertReadsJson(String type, Serde<T> serde, T expected) {
    byte[] bytes =
        read(
            type + ".v0.json",
            () -> JsonSerdes.serdeFor(type(expected)).serializer().serialize("", expected));

    assertThat(serde.deserializer().deserialize("", bytes)).isEqualTo(expected);
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> type(T value) {
    return (Class<T>) value.getClass();
  }

  /** {@code example} as {@code serde} reads it from the file, which it writes if missing. */
  public static <T> T readBack(String name, Serde<T> serde, T example) {
    byte[] bytes = read(name, () -> serde.serializer().serialize("", example));
    return serde.deserializer().deserialize("", bytes);
  }

  /** The file's bytes; if it is missing (outside CI), {@code current} written to it first. */
  public static byte[] read(String name, Supplier<byte[]> current) {
    Path file = DIRECTORY.resolve(name);
    try {
      if (Files.notExists(file)) {
        if (System.getenv("CI") != null) {
          throw new AssertionError("golden file " + file + " is not committed");
        }
        Files.createDirectories(DIRECTORY);
        Files.write(file, current.get());
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
