package dev.vigil.common.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants Vigil writes, ISO-8601 in UTC such as {@code 2026-03-02T09:00:00.250Z}, by
 * hand, and leaves anything else (an offset, a number, a malformed date) to Jackson's own
 * deserializer, errors included.
 *
 * <p>Every event carries an instant and much of the state carries many (a card's history, a
 * shopper's session), and Jackson parses each through the general {@code DateTimeFormatter}: a
 * sixth of a JSON round trip of an event in a profile.
 */
final class UtcInstantDeserializer extends ValueDeserializer<Instant> {

  private static final int SECONDS_PER_DAY = 86_400;
  private static final int SHORTEST = "2026-03-02T09:00:00Z".length();

  /** Where a fraction's point stands: in place of the shortest form's closing {@code Z}. */
  private static final int POINT = SHORTEST - 1;

  private static final int MOST_FRACTION_DIGITS = 9;

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      Instant instant = parseUtc(parser.getString());
      if (instant != null) {
        return instant;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }

  @Override
  public Class<?> handledType() {
    return Instant.class;
  }

  /** The instant, or {@code null} when the text is not of the simple UTC form. */
  static Instant parseUtc(String text) {
    int length = text.length();
    if (length < SHORTEST
        || length > SHORTEST + 1 + MOST_FRACTION_DIGITS
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int nanos = fraction(text, length);
    // LocalDate checks the month and the day.
    if (year < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || nanos < 0) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(
          epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Nanoseconds of the fraction before the closing {@code Z}, 0 without one, -1 if malformed. */
  private static int fraction(String text, int length) {
    if (length == SHORTEST) {
      return 0;
    }
    int count = length - POINT - 2;
    if (text.charAt(POINT) != '.' || count < 1) {
      return -1;
    }
    int value = digits(text, POINT + 1, count);
    if (value < 0) {
      return -1;
    }
    for (int i = count; i < MOST_FRACTION_DIGITS; i++) {
      value *= 10;
    }
    return value;
  }

  /** The number the {@code count} ASCII digits at {@code from} spell, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
