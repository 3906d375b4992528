package dev.vigil.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What a verifier found, comparing a service's committed outputs with what it recomputed from the
 * input.
 *
 * @param expected outputs the recomputation expects
 * @param outputs committed outputs read back
 * @param missing expected outputs not found
 * @param duplicated outputs found more than once, counting each extra copy
 * @param wrong outputs present once but with another value than the recomputed one, or not expected
 *     at all
 * @param examples a few of the discrepancies, to start an investigation from
 */
public record Verification(
    long expected, long outputs, long missing, long duplicated, long wrong, List<String> examples) {

  static final int MAX_EXAMPLES = 5;

  public Verification {
    examples = List.copyOf(examples);
  }

  public boolean passed() {
    return missing == 0 && duplicated == 0 && wrong == 0;
  }

  /** Collects the counts and the first few examples while a verifier compares. */
  static final class Tally {
    private long expected;
    private long outputs;
    private long missing;
    private long duplicated;
    private long wrong;
    private final ArrayList<String> examples = new ArrayList<>();

    void expected(long count) {
      expected += count;
    }

    void outputs(long count) {
      outputs += count;
    }

    void missing(String example) {
      missing(1, example);
    }

    void missing(long count, String example) {
      missing += count;
      example("missing " + example);
    }

    void duplicated(long extra, String example) {
      duplicated += extra;
      example("duplicated " + example);
    }

    void wrong(String example) {
      wrong++;
      example("wrong " + example);
    }

    private void example(String example) {
      if (examples.size() < MAX_EXAMPLES) {
        examples.add(example);
      }
    }

    Verification result() {
      return new Verification(expected, outputs, missing, duplicated, wrong, examples);
    }
  }
}
