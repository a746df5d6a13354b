package dev.backtrack.collector.storage.read;

/** One error group as stored, with its latest sample's stack. Times in ms since the epoch. */
public record ErrorDetail(
    String service,
    String fingerprint,
    String type,
    String message,
    String stack,
    long firstSeenMillis,
    long lastSeenMillis,
    String sampleRequestId) {}
