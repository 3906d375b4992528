package dev.vigil.chaos;

/** A record read back from a service's output topic, its value as UTF-8 text. */
public record OutputRecord(String topic, String key, String value, int partition, long offset) {}
