package dev.vigil.common.vitals;

import java.time.Instant;

/** One parameter's value, when it was measured and by which reading. */
public record Measurement<T>(T value, Instant eventTime, String readingId) {}
