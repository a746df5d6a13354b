package dev.backtrack.collector.model;

/**
 * One HTTP call a service made to another host.
 *
 * @param tsMillis call start, ms since the epoch
 * @param status response status, 0 when no response came
 * @param durationMicros call time in microseconds
 * @param route route template of the request that made the call, or null
 */
public record OutgoingCall(
    long tsMillis,
    String requestId,
    String route,
    String method,
    String host,
    int status,
    long durationMicros,
    boolean error) {}
