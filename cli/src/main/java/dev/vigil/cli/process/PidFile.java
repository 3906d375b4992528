package dev.vigil.cli.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** {@code .vigil/run/<name>.pid}: the pid of a process that a Vigil command started. */
public record PidFile(String name, Path path) {

  private static final String SUFFIX = ".pid";

  public static PidFile in(Path dir, String name) {
    return new PidFile(name, dir.resolve(name + SUFFIX));
  }

  /** The pid files in {@code dir}, by name; none if the directory does not exist. */
  public static List<PidFile> all(Path dir) {
    List<PidFile> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        files.add(new PidFile(file.substring(0, file.length() - SUFFIX.length()), entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort((a, b) -> a.name().compareTo(b.name()));
    return files;
  }

  /** The recorded pid, or empty if there is no file or it holds no number. */
  public OptionalLong read() {
    try {
      return OptionalLong.of(
          Long.parseLong(Files.readString(path, StandardCharsets.UTF_8).strip()));
    } catch (NoSuchFileException | NumberFormatException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(long pid) {
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, pid + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
