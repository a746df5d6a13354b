package dev.backtrack.vertx.impl;

import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.sql.SqlNormalizer;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Attributes the HTTP client calls and SQL statements Vert.x reports to the request that made
 * them (found in the calling context's {@link RequestLocal}), adds the trace headers to outgoing
 * HTTP requests, and forwards everything to the tracer it wraps (OpenTelemetry's, say).
 *
 * <p>Runs on event loops: it only reads tags, does arithmetic and enqueues.
 */
public final class BacktrackTracer implements VertxTracer<Object, Object> {
  private static final String URL_FULL = "url.full";
  private static final String HTTP_METHOD = "http.request.method";
  private static final String HTTP_STATUS = "http.response.status_code";
  private static final String DB_QUERY = "db.query.text";

  private final Reporter reporter;
  @SuppressWarnings("rawtypes")
  private final VertxTracer delegate;
  private final boolean ownTraceparent;
  private final boolean closeReporter;

  /**
   * @param reporter where calls made outside of any request go, and what {@link #close}
   *     flushes when {@code closeReporter}
   * @param delegate the tracer to forward to, or null
   */
  public BacktrackTracer(Reporter reporter, VertxTracer<?, ?> delegate, boolean closeReporter) {
    this.reporter = reporter;
    this.delegate = delegate == null ? VertxTracer.NOOP : delegate;
    // a real tracer writes its own traceparent; two would contradict each other
    this.ownTraceparent = delegate == null || delegate == VertxTracer.NOOP;
    this.closeReporter = closeReporter;
  }

  /** The reporter requests served by this Vert.x instance are recorded into. */
  public Reporter reporter() {
    return reporter;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy,
      R request, String operation, Iterable<Map.Entry<String, String>> headers,
      TagExtractor<R> tagExtractor) {
    return delegate.receiveRequest(context, kind, policy, request, operation, headers,
        tagExtractor);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> void sendResponse(Context context, R response, Object payload, Throwable failure,
      TagExtractor<R> tagExtractor) {
    delegate.sendResponse(context, response, payload, failure, tagExtractor);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy,
      R request, String operation, BiConsumer<String, String> headers,
      TagExtractor<R> tagExtractor) {
    Object delegateSpan = delegate.sendRequest(context, kind, policy, request, operation,
        headers, tagExtractor);
    if (policy == TracingPolicy.IGNORE || request == null) {
      return delegateSpan;
    }
    String url = null;
    String method = null;
    String sql = null;
    int tags = tagExtractor.len(request);
    for (int i = 0; i < tags; i++) {
      String name = tagExtractor.name(request, i);
      if (URL_FULL.equals(name)) {
        url = tagExtractor.value(request, i);
      } else if (HTTP_METHOD.equals(name)) {
        method = tagExtractor.value(request, i);
      } else if (DB_QUERY.equals(name)) {
        sql = tagExtractor.value(request, i);
      }
    }
    RequestContext ctx = RequestLocal.get(context);
    if (sql != null) {
      return ctx == null ? delegateSpan
          : new ClientCall(ctx, sql, null, null, System.nanoTime(), delegateSpan);
    }
    String host = Urls.hostOf(url);
    if (host == null) {
      return delegateSpan;
    }
    if (ctx != null && headers != null) {
      headers.accept(TraceHeaders.CORRELATION_ID, ctx.correlationId());
      headers.accept(TraceHeaders.PARENT_REQUEST_ID, ctx.requestId());
      if (ownTraceparent) {
        headers.accept(TraceHeaders.TRACEPARENT, TraceHeaders.traceparent(ctx));
      }
    }
    return new ClientCall(ctx, null, host, method == null ? operation : method,
        System.nanoTime(), delegateSpan);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> void receiveResponse(Context context, R response, Object payload,
      Throwable failure, TagExtractor<R> tagExtractor) {
    if (!(payload instanceof ClientCall call)) {
      delegate.receiveResponse(context, response, payload, failure, tagExtractor);
      return;
    }
    try {
      long micros = call.elapsedMicros();
      if (call.sql() != null) {
        call.request().recordQuery(SqlNormalizer.normalize(call.sql()), micros);
      } else {
        int status = failure == null && response != null ? statusOf(response, tagExtractor) : 0;
        boolean error = failure != null || status == 0 || status >= 500;
        String method = call.method() == null ? "GET" : call.method();
        if (call.request() != null) {
          call.request().recordOutgoing(call.host(), method, status, micros, error);
        } else {
          reporter.record(new OutgoingCall(System.currentTimeMillis() - micros / 1000, null,
              null, method, call.host(), status, micros, error));
        }
      }
    } catch (RuntimeException e) {
      // never let bookkeeping break the application's call
    }
    delegate.receiveResponse(context, response, call.delegateSpan(), failure, tagExtractor);
  }

  private static <R> int statusOf(R response, TagExtractor<R> tagExtractor) {
    int tags = tagExtractor.len(response);
    for (int i = 0; i < tags; i++) {
      if (HTTP_STATUS.equals(tagExtractor.name(response, i))) {
        try {
          return Integer.parseInt(tagExtractor.value(response, i));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      if (closeReporter) {
        // Vert.x may close us on an event loop: the last flush waits, so not here
        Thread t = new Thread(() -> reporter.close(Duration.ofSeconds(3)), "backtrack-close");
        t.setDaemon(true);
        t.start();
      }
    }
  }
}
