package dev.backtrack.vertx;

import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.vertx.impl.BacktrackTracer;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;

/**
 * The Vert.x tracing SPI entry of backtrack: attributes HTTP client calls and SQL statements to
 * the request that made them and adds the trace headers to outgoing requests. A Vert.x instance
 * has one tracer, given when it is built; to keep another one (OpenTelemetry's, say) pass its
 * factory as the delegate: every span is forwarded to it.
 *
 * <p>{@link BacktrackVertx} sets this up; use this class directly only when you build the
 * {@code Vertx} yourself: {@code Vertx.builder().withTracer(new BacktrackTracerFactory(...))}.
 */
public final class BacktrackTracerFactory implements VertxTracerFactory {
  private final Reporter reporter;
  private final VertxTracerFactory delegate;
  private final boolean closeReporter;

  /**
   * @param reporter where the instance's requests are recorded
   * @param delegate the tracer factory to forward every span to, or null
   */
  public BacktrackTracerFactory(Reporter reporter, VertxTracerFactory delegate) {
    this(reporter, delegate, false);
  }

  BacktrackTracerFactory(Reporter reporter, VertxTracerFactory delegate, boolean closeReporter) {
    this.reporter = reporter == null ? Reporter.noop() : reporter;
    this.delegate = delegate;
    this.closeReporter = closeReporter;
  }

  @Override
  public VertxTracer<?, ?> tracer(TracingOptions options) {
    VertxTracer<?, ?> inner = delegate == null ? null : delegate.tracer(options);
    return new BacktrackTracer(reporter, inner, closeReporter);
  }

  @Override
  public TracingOptions newOptions() {
    return delegate == null ? new TracingOptions() : delegate.newOptions();
  }
}
