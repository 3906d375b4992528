package dev.vigil.cli.produce;

import java.nio.charset.StandardCharsets;

/**
 * A line of input as a record to produce.
 *
 * @param key the record key, or {@code null}
 * @param value the value bytes: the JSON as given, or the line itself when it is not JSON
 * @param json whether the value is valid JSON
 */
record ParsedLine(String key, byte[] value, boolean json) {

  String valueText() {
    return new String(value, StandardCharsets.UTF_8);
  }
}
