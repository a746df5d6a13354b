package dev.backtrack.vertx.impl;

import dev.backtrack.sdk.trace.RequestContext;

/**
 * One outgoing HTTP call or SQL statement in progress, as the tracer's span: who made it, what
 * it is, when it started, and the span of the tracer we delegate to.
 *
 * @param request the request that made the call, or null outside of any request
 * @param sql the statement text for a query, else null
 * @param host {@code host:port} for an HTTP call, else null
 * @param method the HTTP method for an HTTP call, else null
 * @param startNanos {@link System#nanoTime()} at the start
 * @param delegateSpan what the delegate tracer returned, passed back to it at the end
 */
record ClientCall(RequestContext request, String sql, String host, String method,
    long startNanos, Object delegateSpan) {

  /** Microseconds since the call started. */
  long elapsedMicros() {
    return (System.nanoTime() - startNanos) / 1000;
  }
}
