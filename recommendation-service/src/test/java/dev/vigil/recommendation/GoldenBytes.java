package dev.vigil.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.common.state.StateSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serde;

/**
 * Golden files of the service's state: the bytes of a fixed example value as a format wrote them,
 * committed under {@code src/test/resources/golden} so that a change that can no longer read what a
 * release stored fails here, not on a deployment's restore. {@code <type>.v1.bin} is the binary
 * state format; {@code <type>.v0.json} the JSON that types crossing a repartition topic were
 * written as before it.
 */
public final class GoldenBytes {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private GoldenBytes() {}

  /**
   * Asserts that the serde reads the golden bytes of {@code type} as {@code expected}. A missing
   * file is written from {@code expected} first, to be committed; on CI a missing file fails.
   */
  public static <T> void assertReadsBinary(String type, Serde<T> serde, T expected) {
    Path file = GOLDEN.resolve(type + ".v1.bin");
    if (Files.notExists(file)) {
      if (System.getenv("CI") != null) {
        fail(file + " is missing: run the test locally and commit the file it writes");
      }
      write(file, serde.serializer().serialize("golden", expected));
    }
    byte[] golden = read(file);

    assertThat(golden[0]).as("format byte").isEqualTo(StateSerdes.FORY);
    assertThat(serde.deserializer().deserialize("golden", golden)).isEqualTo(expected);
  }

  /**
   * Asserts that the serde reads the JSON {@code type} was written as before, as {@code expected}.
   */
  public static <T> void assertReadsJson(String type, Serde<T> serde, T expected) {
    byte[] golden = read(GOLDEN.resolve(type + ".v0.json"));

    assertThat(serde.deserializer().deserialize("golden", golden)).isEqualTo(expected);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
