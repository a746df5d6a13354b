package dev.backtrack.sdk.trace;

import java.util.function.Function;

/**
 * The trace ids a request arrived with. Any of them may be null; {@link RequestContext#begin}
 * fills in what is missing.
 *
 * @param requestId the incoming {@code X-Request-ID}
 * @param correlationId the incoming {@code X-Correlation-ID}, else a W3C trace-id
 * @param parentId the incoming {@code X-Parent-Request-ID}, else a W3C parent-id
 */
public record TraceHeaders(String requestId, String correlationId, String parentId) {
  public static final String REQUEST_ID = "X-Request-ID";
  public static final String CORRELATION_ID = "X-Correlation-ID";
  public static final String PARENT_REQUEST_ID = "X-Parent-Request-ID";
  public static final String TRACEPARENT = "traceparent";

  /** No incoming ids at all. */
  public static final TraceHeaders NONE = new TraceHeaders(null, null, null);

  public TraceHeaders {
    requestId = Ids.clean(requestId);
    correlationId = Ids.clean(correlationId);
    parentId = Ids.clean(parentId);
  }

  /**
   * Reads the incoming ids.
   *
   * @param header looks a request header up by name, returning null when absent; it should
   *     ignore case, as HTTP header names do
   */
  public static TraceHeaders read(Function<String, String> header) {
    String requestId = header.apply(REQUEST_ID);
    String correlationId = header.apply(CORRELATION_ID);
    String parentId = header.apply(PARENT_REQUEST_ID);
    if (Ids.clean(correlationId) == null || Ids.clean(parentId) == null) {
      String traceparent = header.apply(TRACEPARENT);
      if (traceparent != null) {
        String[] parts = traceparent.trim().split("-", -1);
        // version-traceid-parentid-flags; version ff is invalid by the spec
        if (parts.length >= 4 && parts[0].length() == 2 && !parts[0].equals("ff")
            && Ids.isHex(parts[1], 32) && Ids.isHex(parts[2], 16)) {
          if (Ids.clean(correlationId) == null) {
            correlationId = parts[1];
          }
          if (Ids.clean(parentId) == null) {
            parentId = parts[2];
          }
        }
      }
    }
    if (requestId == null && correlationId == null && parentId == null) {
      return NONE;
    }
    return new TraceHeaders(requestId, correlationId, parentId);
  }

  /** A W3C {@code traceparent} value for a call made by {@code ctx} (sampled flag set). */
  public static String traceparent(RequestContext ctx) {
    return "00-" + Ids.traceIdFor(ctx.correlationId()) + "-" + Ids.spanIdFor(ctx.requestId())
        + "-01";
  }
}
