package dev.vigil.common.fraud;

/** How a card was used. Card-not-present channels say nothing about where the card is. */
public enum Channel {
  CARD_PRESENT,
  ONLINE,
  ATM;

  public boolean cardPresent() {
    return this != ONLINE;
  }
}
