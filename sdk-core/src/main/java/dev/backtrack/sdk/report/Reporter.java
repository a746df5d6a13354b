package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.trace.RequestContext;
import java.time.Duration;

/**
 * Takes events from request threads and ships them to the collector in the background.
 *
 * <p>{@code record} only enqueues into a bounded buffer: it never blocks, does no I/O, encodes
 * nothing and never throws. When the buffer is full the oldest events are dropped and counted.
 */
public interface Reporter {

  /** Enqueues a finished request, together with the outgoing calls it made. */
  void record(RequestEvent event);

  /**
   * Ends {@code ctx} and enqueues the request, as {@code record(ctx.finish(...))} does; what
   * integrations call when a request is over. A buffered reporter copies a plain request
   * straight into its buffer, without building the event on the request thread.
   *
   * @param routeTemplate the route template in canonical form, or null (see
   *     {@link RequestContext#finish})
   */
  default void finish(RequestContext ctx, String routeTemplate, int status, Throwable error) {
    record(ctx.finish(routeTemplate, status, error));
  }

  /** Enqueues an outgoing call made outside of any request. */
  void record(OutgoingCall call);

  /** Events dropped since the start (buffer full, or a batch the collector refused). */
  long dropped();

  /**
   * Sends what is buffered now and waits until it is delivered or {@code timeout} passes.
   *
   * @return whether everything was delivered in time
   */
  boolean flush(Duration timeout);

  /** Stops the background thread after a last flush of at most {@code timeout}. */
  void close(Duration timeout);

  /** A reporter that drops everything at no cost (before start, or when disabled). */
  static Reporter noop() {
    return NoopReporter.INSTANCE;
  }

  /** Starts a buffered reporter with its daemon thread and a JVM shutdown hook. */
  static Reporter start(ReporterSettings settings, Transport transport) {
    BufferedReporter reporter = new BufferedReporter(settings, transport, new ProcessStats());
    reporter.start();
    return reporter;
  }
}
