package dev.vigil.chaos;

import java.util.List;
import java.util.Map;

/**
 * Recomputes a service's expected outputs from the input it was sent, with straightforward code of
 * its own (never the service's), and compares them with the outputs read back with {@code
 * read_committed}.
 */
interface Verifier {

  /** The output topics this verifier reads. */
  List<String> outputTopics();

  /**
   * @param input every event the broker acknowledged, in sending order
   * @param outputs each output topic's committed records
   */
  Verification verify(List<SentRecord> input, Map<String, List<OutputRecord>> outputs);
}
