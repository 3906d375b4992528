package dev.vigil.common.fraud;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on one payment, keyed by transaction id on {@code payments.decisions}: exactly one
 * per transaction. {@code riskScore} is 0–100; {@code reasons} names the rules that fired.
 */
public record Decision(
    String transactionId,
    String accountId,
    String cardId,
    Verdict decision,
    int riskScore,
    List<String> reasons,
    Instant eventTime) {

  public Decision {
    reasons = List.copyOf(reasons);
  }
}
