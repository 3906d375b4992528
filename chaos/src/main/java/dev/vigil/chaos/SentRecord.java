package dev.vigil.chaos;

/** An input record the broker acknowledged, and the partition it landed in. */
public record SentRecord(InputRecord record, int partition) {}
