package dev.vigil.cli.service;

/** A topic on which a service reports what it found, and how to show one of its records. */
public record AlertSource(String topic, AlertFormat format) {}
