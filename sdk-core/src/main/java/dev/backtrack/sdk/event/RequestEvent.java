package dev.backtrack.sdk.event;

import java.util.List;

/**
 * One served request, as sent in a batch's {@code events}.
 *
 * @param tsMillis request start, milliseconds since the Unix epoch
 * @param requestId this request's id
 * @param correlationId the id shared by every hop of the chain
 * @param parentId the caller's request id, or null
 * @param method HTTP method, upper-cased
 * @param route route template in canonical form, e.g. {@code /users/{id}}
 * @param status HTTP status 100-599
 * @param durationMicros duration in microseconds
 * @param dbCount SQL statements executed
 * @param dbMicros total time in SQL statements, microseconds
 * @param slowest the slowest distinct statements, slowest first (at most 5)
 * @param outCount outgoing HTTP calls made
 * @param outMicros total time in outgoing calls, microseconds
 * @param error the exception the request ended with, or null
 * @param outgoing the outgoing calls this request made, sent in the batch's {@code outgoing}
 * @param idHigh with {@code idLow}, the 128 bits {@code requestId} was generated from when this
 *     SDK generated it (its 32 lower-case hex digits); both 0 otherwise
 * @param idLow see {@code idHigh}
 */
public record RequestEvent(long tsMillis, String requestId, String correlationId,
    String parentId, String method, String route, int status, long durationMicros,
    int dbCount, long dbMicros, List<SqlTiming> slowest, int outCount, long outMicros,
    ErrorInfo error, List<OutgoingCall> outgoing, long idHigh, long idLow) {

  /** The longest duration the protocol accepts: one day, in microseconds. */
  public static final long MAX_DURATION_MICROS = 86_400_000_000L;

  public RequestEvent {
    requestId = Text.cut(requestId, 128);
    correlationId = Text.cut(correlationId, 128);
    parentId = Text.cut(parentId, 128);
    method = Text.method(method);
    route = Text.route(route);
    status = (int) Text.clamp(status, 100, 599);
    durationMicros = Text.clamp(durationMicros, 0, MAX_DURATION_MICROS);
    dbCount = Math.max(0, dbCount);
    dbMicros = Math.max(0, dbMicros);
    slowest = slowest == null ? List.of()
        : List.copyOf(slowest.size() <= 5 ? slowest : slowest.subList(0, 5));
    outCount = Math.max(0, outCount);
    outMicros = Math.max(0, outMicros);
    outgoing = outgoing == null ? List.of() : List.copyOf(outgoing);
    if (requestId == null || requestId.length() != 32) {
      idHigh = 0;
      idLow = 0;
    }
  }

  /** An event whose request id came from elsewhere (a header, a test). */
  public RequestEvent(long tsMillis, String requestId, String correlationId, String parentId,
      String method, String route, int status, long durationMicros, int dbCount, long dbMicros,
      List<SqlTiming> slowest, int outCount, long outMicros, ErrorInfo error,
      List<OutgoingCall> outgoing) {
    this(tsMillis, requestId, correlationId, parentId, method, route, status, durationMicros,
        dbCount, dbMicros, slowest, outCount, outMicros, error, outgoing, 0, 0);
  }

  /**
   * Whether the request id's bits are at hand: the reporter then writes the id from them
   * rather than reading the string, which another thread made and which is far from this
   * event in memory. Per event, that read is what costs the reporter most.
   */
  public boolean hasIdBits() {
    return (idHigh | idLow) != 0;
  }

  /** Whether the collector counts this event as an error. */
  public boolean isError() {
    return status >= 500 || error != null;
  }
}
