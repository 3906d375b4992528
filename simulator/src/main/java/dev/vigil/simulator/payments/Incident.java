package dev.vigil.simulator.payments;

/** The kinds of fraud the payment stream injects, in the order it cycles through them. */
public enum Incident {
  /** More payments on a fresh card in a minute than anyone makes: a bot spending a stolen card. */
  VELOCITY_BURST,
  /**
   * The same card present at terminals a continent apart minutes apart: a cloned card. Early in the
   * cycle, since its second payment comes minutes after the first.
   */
  IMPOSSIBLE_TRAVEL,
  /** A blocklisted merchant, to show reference data changing a decision. */
  BLOCKLISTED_MERCHANT,
  /** Tiny payments that check a stolen card works, then a large one. */
  CARD_TESTING,
  /** Whoever took over the account spends many times what it usually does, in one payment. */
  ACCOUNT_TAKEOVER
}
