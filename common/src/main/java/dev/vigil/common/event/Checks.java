package dev.vigil.common.event;

import java.time.Instant;

/**
 * Field checks for the compact constructors of event records, so an invalid event is rejected where
 * it enters and every message names the offending field.
 */
public final class Checks {

  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

  private Checks() {}

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidEventException(field + " is required");
    }
    return value;
  }

  public static String text(String value, String field) {
    if (required(value, field).isBlank()) {
      throw new InvalidEventException(field + " must not be blank");
    }
    if (value.length() > 256) {
      throw new InvalidEventException(field + " must be at most 256 characters");
    }
    return value;
  }

  public static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new InvalidEventException(field + " must be a finite number");
    }
    return value;
  }

  public static double inRange(double value, double min, double max, String field) {
    if (!(finite(value, field) >= min && value <= max)) {
      throw new InvalidEventException(field + " must be between " + min + " and " + max);
    }
    return value;
  }

  public static Double optionalInRange(Double value, double min, double max, String field) {
    return value == null ? null : inRange(value, min, max, field);
  }

  /**
   * An event time Kafka can carry: record timestamps are non-negative epoch milliseconds, and a
   * time far in the future is a broken clock, not an event.
   */
  public static Instant timestamp(Instant value, String field) {
    if (required(value, field).isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw new InvalidEventException(field + " must be between " + EARLIEST + " and " + LATEST);
    }
    return value;
  }
}
