package dev.backtrack.sdk.event;

import java.util.Objects;

/**
 * One outgoing HTTP call made by the application.
 *
 * @param tsMillis call start, milliseconds since the Unix epoch
 * @param requestId the request that made the call, or null outside of a request
 * @param route that request's route template, or null when not known
 * @param method HTTP method, upper-cased
 * @param host {@code host} or {@code host:port}
 * @param status HTTP status, 0 when no response arrived
 * @param durationMicros call duration in microseconds
 * @param error whether the call failed
 */
public record OutgoingCall(long tsMillis, String requestId, String route, String method,
    String host, int status, long durationMicros, boolean error) {

  public OutgoingCall {
    method = Text.method(method);
    host = Text.cut(Objects.requireNonNullElse(host, ""), 255);
    if (host.isEmpty()) {
      host = "unknown";
    }
    requestId = Text.cut(requestId, 128);
    route = Text.cut(route, 512);
    status = (int) Text.clamp(status, 0, 599);
    durationMicros = Text.clamp(durationMicros, 0, RequestEvent.MAX_DURATION_MICROS);
  }

  /** This call as made by the request {@code requestId} on {@code route}. */
  public OutgoingCall withRequest(String requestId, String route) {
    return new OutgoingCall(tsMillis, requestId, route, method, host, status, durationMicros,
        error);
  }
}
