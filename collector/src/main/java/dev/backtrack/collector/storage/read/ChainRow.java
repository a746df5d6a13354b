package dev.backtrack.collector.storage.read;

/** One hop of a correlation chain: a stored request event. */
public record ChainRow(
    String correlationId,
    long tsMillis,
    String service,
    String method,
    String route,
    long durationMicros,
    boolean error) {}
