package dev.vigil.cli.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One alert as the demo's feed shows it: when it happened, what kind of alert or decision it is,
 * and the facts a person needs to judge it, on one line.
 */
public record AlertLine(Instant time, String kind, String facts) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  /** Kinds are padded to this width so that the facts of successive lines line up. */
  private static final int KIND_WIDTH = 7;

  public String render(String service, ZoneId zone) {
    return render(service, zone, UnaryOperator.identity());
  }

  /**
   * @param highlight styles the (padded) kind, e.g. in colour on a terminal
   */
  public String render(String service, ZoneId zone, UnaryOperator<String> highlight) {
    return TIME.withZone(zone).format(time)
        + "  "
        + service
        + "  "
        + highlight.apply(String.format(Locale.ROOT, "%-" + KIND_WIDTH + "s", kind))
        + "  "
        + facts;
  }
}
