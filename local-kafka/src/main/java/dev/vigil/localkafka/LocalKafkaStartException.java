package dev.vigil.localkafka;

import java.util.List;
import java.util.OptionalInt;

/** The local broker exited, or did not get ready in time; carries what it printed. */
public final class LocalKafkaStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int LINES_IN_MESSAGE = 30;

  private final Integer exitCode;
  private final List<String> output;

  LocalKafkaStartException(String message, Integer exitCode, List<String> output) {
    super(message + describe(output));
    this.exitCode = exitCode;
    this.output = List.copyOf(output);
  }

  /** Empty when the broker did not exit by itself but was killed for being too slow. */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  public List<String> output() {
    return output;
  }

  private static String describe(List<String> output) {
    if (output.isEmpty()) {
      return " (it printed nothing)";
    }
    List<String> tail =
        output.subList(Math.max(0, output.size() - LINES_IN_MESSAGE), output.size());
    return ", its last output:\n" + String.join("\n", tail);
  }
}
