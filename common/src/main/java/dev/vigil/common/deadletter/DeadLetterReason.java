package dev.vigil.common.deadletter;

import dev.vigil.common.event.InvalidEventException;
import java.util.Locale;

/**
 * Why a record went to the dead-letter topic; the value of the {@code vigil.error.reason} header.
 */
public enum DeadLetterReason {
  /** Not JSON, or JSON of the wrong shape (including NaN and Infinity, which JSON cannot carry). */
  DESERIALIZATION,
  /** Well-formed JSON that breaks a rule of the event's schema. */
  VALIDATION,
  /** Larger than an event of this kind can be. */
  OVERSIZED,
  /** Valid input whose processing threw. */
  PROCESSING,
  /** An output that could not be serialized. */
  PRODUCTION;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeadLetterReason ofDeserializationFailure(Throwable error) {
    // Bounded, because a cause chain may loop.
    Throwable cause = error;
    for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
      if (cause instanceof OversizedRecordException) {
        return OVERSIZED;
      }
      if (cause instanceof InvalidEventException) {
        return VALIDATION;
      }
    }
    return DESERIALIZATION;
  }
}
