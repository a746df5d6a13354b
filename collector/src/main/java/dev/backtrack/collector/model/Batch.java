package dev.backtrack.collector.model;

import java.util.List;

/**
 * One validated ingest batch, as it travels on the event bus from ingest to storage and, once
 * durable, to the live aggregates. Immutable; lists are never null.
 *
 * @param receivedAtMillis when the collector accepted the batch, ms since the epoch
 */
public record Batch(
    String batchId,
    String service,
    Instance instance,
    List<RequestEvent> events,
    List<OutgoingCall> outgoing,
    Heartbeat heartbeat,
    long receivedAtMillis) {

  /** Events plus outgoing calls plus one for a heartbeat: the {@code accepted} count. */
  public int size() {
    return events.size() + outgoing.size() + (heartbeat == null ? 0 : 1);
  }
}
