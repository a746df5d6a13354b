package dev.backtrack.collector.storage.read;

/**
 * One error group as stored, with its latest sample request (its fields are null when the
 * sample's event is gone). Times in ms since the epoch.
 */
public record ErrorDetail(
    String service,
    String fingerprint,
    String type,
    String message,
    String stack,
    long firstSeenMillis,
    long lastSeenMillis,
    String sampleRequestId,
    Sample sample) {

  /** The latest event of the group; null fields when unknown. */
  public record Sample(Long tsMillis, String method, String route, Integer status,
      String requestId, String correlationId) {}
}
