package dev.vigil.common.vitals;

/**
 * NEWS2 clinical risk, in rising order, with the response the Royal College of Physicians
 * recommends for it.
 */
public enum RiskBand {
  /** Aggregate 0. */
  NONE("none", "routine monitoring"),
  /** Aggregate 1–4 without a 3 in any single parameter. */
  LOW("low", "ward-based response"),
  /** A 3 in a single parameter, aggregate below 5. */
  LOW_MEDIUM("low-medium", "urgent ward-based response"),
  /** Aggregate 5–6. */
  MEDIUM("medium", "urgent response"),
  /** Aggregate 7 or more. */
  HIGH("high", "emergency response");

  private final String label;
  private final String response;

  RiskBand(String label, String response) {
    this.label = label;
    this.response = response;
  }

  /** How a person says it: "low-medium". */
  public String label() {
    return label;
  }

  /** The clinical response this band calls for. */
  public String response() {
    return response;
  }

  public boolean isAbove(RiskBand other) {
    return compareTo(other) > 0;
  }
}
