package dev.vigil.chaos;

import java.time.Instant;

/**
 * One record a workload sends: its topic, key, serialized value and the timestamp it is produced
 * with (the event time, or for reference data a time before the first event).
 */
public record InputRecord(String topic, String key, byte[] value, Instant timestamp) {}
