package dev.vigil.recommendation.shopper;

import java.time.Instant;

/** A product recommended to the shopper, and when it was last shown. */
public record Shown(String productId, Instant at) {}
