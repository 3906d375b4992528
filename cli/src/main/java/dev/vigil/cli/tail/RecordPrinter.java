package dev.vigil.cli.tail;

import dev.vigil.common.json.JsonSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A record as {@code vigil tail} shows it: a line with where it is and its key, its headers if
 * asked, then its value, indented JSON where it is JSON and as it is otherwise.
 */
final class RecordPrinter {

  private final boolean showHeaders;

  RecordPrinter(boolean showHeaders) {
    this.showHeaders = showHeaders;
  }

  String format(ConsumerRecord<byte[], byte[]> record) {
    StringBuilder text =
        new StringBuilder()
            .append("--- ")
            .append(record.topic())
            .append("  partition ")
            .append(record.partition())
            .append("  offset ")
            .append(record.offset())
            .append("  key ")
            .append(record.key() == null ? "(none)" : utf8(record.key()))
            .append("  ")
            .append(Instant.ofEpochMilli(record.timestamp()))
            .append(System.lineSeparator());
    if (showHeaders) {
      for (Header header : record.headers()) {
        text.append("    ")
            .append(header.key())
            .append(": ")
            .append(header.value() == null ? "" : utf8(header.value()))
            .append(System.lineSeparator());
      }
    }
    return text.append(value(record.value())).toString();
  }

  static String value(byte[] value) {
    if (value == null) {
      return "(no value: a tombstone)";
    }
    String text = utf8(value);
    try {
      JsonNode json = JsonSerdes.MAPPER.readTree(text);
      return JsonSerdes.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (JacksonException e) {
      return text;
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
