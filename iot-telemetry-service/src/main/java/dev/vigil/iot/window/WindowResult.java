package dev.vigil.iot.window;

import dev.vigil.common.iot.LateRecord;
import java.time.Instant;
import java.util.List;

/** What a final-only window passes on: a window that closed, or a record too late for its own. */
public sealed interface WindowResult<A> {

  /** A closed window and its final aggregate. */
  record Closed<A>(Instant start, Instant end, A aggregate) implements WindowResult<A> {}

  /** A record that came after its window had closed, and why. */
  record Late<A>(LateRecord record) implements WindowResult<A> {}

  static <A> List<Closed<A>> closed(WindowResult<A> result) {
    return result instanceof Closed<A> closed ? List.of(closed) : List.of();
  }

  static <A> List<LateRecord> late(WindowResult<A> result) {
    return result instanceof Late<A> late ? List.of(late.record()) : List.of();
  }
}
