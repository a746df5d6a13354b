package dev.backtrack.vertx;

import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.vertx.impl.BacktrackHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Records every request a {@code Router} serves: route template, method, status, duration,
 * failures, and the SQL statements and HTTP calls it made. Register it first:
 *
 * <pre>{@code
 * router.route().handler(BacktrackHandler.create());
 * }</pre>
 *
 * <p>It reads the trace headers ({@code X-Request-ID}, {@code X-Correlation-ID},
 * {@code X-Parent-Request-ID}, {@code traceparent}) and answers with {@code X-Request-ID}, plus
 * {@code X-Correlation-ID} when the request belongs to a chain it did not start (a request that
 * starts one is its own correlation id). It never blocks: a finished request is only enqueued.
 */
public interface BacktrackHandler extends Handler<RoutingContext> {

  /**
   * A handler that records into the reporter of the Vert.x instance built by
   * {@link BacktrackVertx}, or into {@code Backtrack.reporter()} on any other instance.
   */
  static BacktrackHandler create() {
    return new BacktrackHandlerImpl(null);
  }

  /** A handler that records into {@code reporter}. */
  static BacktrackHandler create(Reporter reporter) {
    return new BacktrackHandlerImpl(reporter);
  }
}
