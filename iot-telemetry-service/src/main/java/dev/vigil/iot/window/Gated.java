package dev.vigil.iot.window;

import dev.vigil.common.iot.LateRecord;

/** A record on time for its window ({@code late} is {@code null}), or why it is too late. */
public record Gated<V>(V value, LateRecord late) {

  public boolean isLate() {
    return late != null;
  }
}
