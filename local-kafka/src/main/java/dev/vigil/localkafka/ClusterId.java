package dev.vigil.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/** The cluster id, kept in the data dir so that every start formats and joins the same cluster. */
final class ClusterId {

  static final String FILE_NAME = "cluster.id";

  private ClusterId() {}

  static String loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
    Files.createDirectories(dataDir);
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
    return id;
  }
}
