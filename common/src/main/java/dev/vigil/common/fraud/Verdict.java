package dev.vigil.common.fraud;

/** What the bank should do with a payment. */
public enum Verdict {
  APPROVE,
  REVIEW,
  DECLINE
}
