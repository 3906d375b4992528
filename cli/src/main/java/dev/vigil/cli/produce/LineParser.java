package dev.vigil.cli.produce;

import dev.vigil.common.json.JsonSerdes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the lines {@code vigil produce} accepts: a JSON value whose key is one of its fields, or
 * {@code key<TAB>value}. A value that is not JSON is kept byte for byte, so that a user can send a
 * broken record on purpose and watch it arrive on the dead-letter topic.
 */
final class LineParser {

  private static final char TAB = '\t';

  private final Optional<String> keyField;

  /**
   * @param keyField the field of a JSON value that holds the key; dots name nested fields ({@code
   *     transaction.cardId})
   */
  LineParser(Optional<String> keyField) {
    this.keyField = keyField;
  }

  /** A whole line that is JSON wins over a tab in it: JSON may use tabs as whitespace. */
  ParsedLine parse(String line) {
    Optional<JsonNode> json = json(line);
    if (json.isPresent()) {
      return new ParsedLine(keyOf(json.get()).orElse(null), bytes(line), true);
    }
    int tab = line.indexOf(TAB);
    if (tab >= 0) {
      String value = line.substring(tab + 1);
      return new ParsedLine(line.substring(0, tab), bytes(value), json(value).isPresent());
    }
    return new ParsedLine(null, bytes(line), false);
  }

  private Optional<String> keyOf(JsonNode value) {
    if (keyField.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = value;
    for (String name : keyField.get().split("\\.")) {
      node = node.path(name);
    }
    return node.isValueNode() && !node.isNull() ? Optional.of(node.asString()) : Optional.empty();
  }

  private static Optional<JsonNode> json(String text) {
    try {
      return Optional.of(JsonSerdes.MAPPER.readTree(text));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
