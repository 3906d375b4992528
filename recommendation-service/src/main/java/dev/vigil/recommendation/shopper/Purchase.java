package dev.vigil.recommendation.shopper;

import java.time.Instant;

/** A product the shopper bought, in which session, and when they last bought it. */
public record Purchase(String productId, String sessionId, Instant at) {}
