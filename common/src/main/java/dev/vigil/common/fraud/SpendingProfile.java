package dev.vigil.common.fraud;

import static dev.vigil.common.event.Checks.inRange;

/**
 * What an account usually spends per payment, in its currency's major unit, when the bank knows.
 */
public record SpendingProfile(double meanAmount, double stdDevAmount) {

  public SpendingProfile {
    inRange(meanAmount, 0, 1e9, "profile.meanAmount");
    inRange(stdDevAmount, 0, 1e9, "profile.stdDevAmount");
  }
}
