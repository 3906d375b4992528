package dev.vigil.iot.window;

import java.time.Duration;
import java.time.Instant;

/** Where a late record missed its window, for the reason on {@code iot.late}. */
public record Lateness(
    String window,
    Instant eventTime,
    Instant windowStart,
    Instant windowEnd,
    Instant streamTime,
    Duration grace) {

  public String reason() {
    return "its "
        + window
        + " window ["
        + windowStart
        + ", "
        + windowEnd
        + ") closed when stream time passed "
        + windowEnd.plus(grace)
        + " (end plus "
        + grace.toSeconds()
        + " s grace); stream time is "
        + streamTime;
  }
}
