package dev.vigil.common.streams;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a service that cannot start because Kafka refused it (a global table's first read happens
 * during start-up) into a two-line report of what happened and what to fix, above the trace.
 */
public final class KafkaRefusalFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    return KafkaRefusal.in(failure)
        .map(refusal -> new FailureAnalysis(refusal.description(), refusal.action(), failure))
        .orElse(null);
  }
}
