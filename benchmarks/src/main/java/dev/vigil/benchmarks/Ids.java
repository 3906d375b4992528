package dev.vigil.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The id an event's JSON value carries in a given field. */
final class Ids {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Ids() {}

  static String of(byte[] value, String field) {
    JsonNode id = JSON.readTree(value).get(field);
    if (id == null) {
      throw new IllegalArgumentException("An input event without " + field);
    }
    return id.asString();
  }
}
