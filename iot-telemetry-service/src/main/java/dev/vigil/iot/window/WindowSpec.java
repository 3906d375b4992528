package dev.vigil.iot.window;

import java.time.Duration;

/**
 * A final-only tumbling window: its name (on {@code iot.late} and in the late-records metric), its
 * size and grace period, and the names of its two stores, the windows still open and the stream
 * time at which it last closed one.
 */
public record WindowSpec(
    String name, Duration size, Duration grace, String openWindowsStore, String lastCloseStore) {}
