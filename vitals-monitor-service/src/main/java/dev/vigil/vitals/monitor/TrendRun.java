package dev.vigil.vitals.monitor;

import java.time.Instant;

/** Consecutive complete scores with the same aggregate, from the first to the last of them. */
public record TrendRun(Instant from, Instant to, int aggregate) {}
