package dev.backtrack.collector.query;

/** One hop of a correlation chain: a served request. */
record ChainRow(
    String correlationId,
    long tsMillis,
    String service,
    String method,
    String route,
    long durationMicros,
    boolean error) {}
