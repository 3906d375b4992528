package dev.vigil.iot.window;

/** A point of stream time, in epoch milliseconds, as a final-only window stores it. */
public record StreamTime(long millis) {}
