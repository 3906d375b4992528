package dev.vigil.cli.service;

import dev.vigil.common.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record on a dead-letter topic as one line: why it was rejected and where it came from, from the
 * headers the service's dead-letter publisher adds.
 */
public final class DeadLetterFormat {

  public static final String KIND = "DLQ";

  private static final int MAX_MESSAGE = 160;
  private static final Pattern KAFKA_PREAMBLE =
      Pattern.compile("Can't deserialize data\\s+from topic \\[[^]]*]: ");

  private DeadLetterFormat() {}

  public static AlertLine format(Instant time, Map<String, byte[]> headers) {
    String reason = header(headers, DeadLetters.REASON, "unknown reason");
    String source =
        header(headers, DeadLetters.SOURCE_TOPIC, "?")
            + " p"
            + header(headers, DeadLetters.SOURCE_PARTITION, "?")
            + "@"
            + header(headers, DeadLetters.SOURCE_OFFSET, "?");
    String message = essence(header(headers, DeadLetters.ERROR_MESSAGE, ""));
    return new AlertLine(
        time, KIND, reason + " of " + source + (message.isEmpty() ? "" : ": " + message));
  }

  /**
   * The part of an error message that says what is wrong with the record: its first line, without
   * the preamble Kafka puts before a deserializer's own message, shortened to fit a line.
   */
  static String essence(String message) {
    String firstLine = message.lines().findFirst().orElse("");
    Matcher preamble = KAFKA_PREAMBLE.matcher(firstLine);
    String essence = preamble.lookingAt() ? firstLine.substring(preamble.end()) : firstLine;
    return essence.length() <= MAX_MESSAGE
        ? essence
        : essence.substring(0, MAX_MESSAGE - 3) + "...";
  }

  private static String header(Map<String, byte[]> headers, String name, String absent) {
    byte[] value = headers.get(name);
    return value == null ? absent : new String(value, StandardCharsets.UTF_8);
  }
}
