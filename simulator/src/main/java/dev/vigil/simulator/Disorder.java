package dev.vigil.simulator;

/**
 * How untidy the publisher makes the stream, as real producers do: shares of events sent a few
 * seconds late (after later ones), sent twice, or accompanied by a malformed record on the same
 * topic (for the dead-letter paths). The draws come from {@code seed}, so a run is repeatable.
 */
public record Disorder(
    long seed, double outOfOrderRatio, double duplicateRatio, double malformedRatio) {

  /** Every event once, on time, and nothing malformed. */
  public static final Disorder NONE = new Disorder(0, 0, 0, 0);

  public Disorder {
    check(outOfOrderRatio, "outOfOrderRatio");
    check(duplicateRatio, "duplicateRatio");
    check(malformedRatio, "malformedRatio");
  }

  /** A small share of late and duplicate events, as the simulator publishes by default. */
  public static Disorder realistic(long seed, double malformedRatio) {
    return new Disorder(seed, 0.01, 0.005, malformedRatio);
  }

  private static void check(double ratio, String name) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1");
    }
  }
}
