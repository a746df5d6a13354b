package dev.backtrack.vertx.impl;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import dev.backtrack.vertx.BacktrackHandler;
import io.netty.util.AsciiString;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/** See {@link BacktrackHandler}. */
public final class BacktrackHandlerImpl implements BacktrackHandler {
  private static final String KEY = "dev.backtrack.request";
  // prepared once: Vert.x then neither validates nor hashes the names per request
  private static final CharSequence REQUEST_ID =
      HttpHeaders.createOptimized(TraceHeaders.REQUEST_ID);
  private static final CharSequence CORRELATION_ID =
      HttpHeaders.createOptimized(TraceHeaders.CORRELATION_ID);
  private static final CharSequence PARENT_REQUEST_ID =
      HttpHeaders.createOptimized(TraceHeaders.PARENT_REQUEST_ID);
  private static final CharSequence TRACEPARENT =
      HttpHeaders.createOptimized(TraceHeaders.TRACEPARENT);

  private final Reporter fixedReporter;

  /** @param reporter where requests go; null to find it from the Vert.x instance */
  public BacktrackHandlerImpl(Reporter reporter) {
    this.fixedReporter = reporter;
  }

  @Override
  public void handle(RoutingContext rc) {
    // Rerouted, or the handler is registered twice: the request is recorded already. The
    // request's own Vert.x context says so without touching the routing context's data map,
    // which would otherwise be created for every request.
    Context context = Vertx.currentContext();
    if (RequestLocal.get(context) != null || (!isDuplicate(context) && rc.get(KEY) != null)) {
      rc.next();
      return;
    }
    HttpServerRequest request = rc.request();
    RequestContext ctx = RequestContext.begin(request.method().name(),
        TraceHeaders.read(name -> request.getHeader(prepared(name))));
    if (!RequestLocal.attach(context, ctx)) {
      rc.put(KEY, ctx);
    }
    HttpServerResponse response = rc.response();
    // ASCII bytes as they go on the wire: no string to build, check and encode again
    response.putHeader(REQUEST_ID, new AsciiString(ctx.requestIdAscii(), false));
    if (ctx.continuesChain()) {
      // only within a chain: a header repeating the request id costs every response bytes
      response.putHeader(CORRELATION_ID, ctx.correlationId());
    }
    Reporter reporter = reporterFor(rc.vertx());
    RouteTrail trail = trailOf(request);
    if (trail != null) {
      trail.onEnd(() -> finish(rc, ctx, reporter)); // our metrics see every response end
    } else {
      rc.addEndHandler(ar -> finish(rc, ctx, reporter));
    }
    rc.next();
  }

  /** The prepared name of a header {@code TraceHeaders.read} asks for: its own constants. */
  @SuppressWarnings("StringEquality")
  private static CharSequence prepared(String header) {
    if (header == TraceHeaders.REQUEST_ID) {
      return REQUEST_ID;
    } else if (header == TraceHeaders.CORRELATION_ID) {
      return CORRELATION_ID;
    } else if (header == TraceHeaders.PARENT_REQUEST_ID) {
      return PARENT_REQUEST_ID;
    } else if (header == TraceHeaders.TRACEPARENT) {
      return TRACEPARENT;
    }
    return header;
  }

  private static void finish(RoutingContext rc, RequestContext ctx, Reporter reporter) {
    try {
      int status = rc.response().getStatusCode();
      reporter.finish(ctx, templateOf(rc, status), status, errorOf(rc));
    } catch (RuntimeException e) {
      // a bookkeeping failure must never reach the application
    }
  }

  /** The exception worth grouping: thrown ones and 5xx failures, not a client's 4xx. */
  private static Throwable errorOf(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure == null) {
      return null;
    }
    if (failure instanceof HttpException http && http.getStatusCode() < 500) {
      return null;
    }
    return failure;
  }

  static String templateOf(RoutingContext rc, int status) {
    RouteTrail trail = trailOf(rc.request());
    if (trail != null) {
      return trail.template(status);
    }
    // Vert.x built without our metrics: the current route, exact outside of sub-routers
    Route route = rc.currentRoute();
    if (route == null || route.getPath() == null) { // a pathRegex route has no path
      return RouteTemplates.UNMATCHED;
    }
    String mount = rc.mountPoint() == null ? "" : rc.mountPoint();
    boolean prefix = !route.isExactPath();
    if (prefix && status == 404) {
      return RouteTemplates.UNMATCHED;
    }
    return RouteTemplates.cached(mount + route.getPath(), prefix);
  }

  /** The request's trail, when Vert.x runs with our metrics. */
  private static RouteTrail trailOf(HttpServerRequest request) {
    return request instanceof HttpServerRequestInternal internal
        ? RouteMetrics.trailOf(internal.metric()) : null;
  }

  private static boolean isDuplicate(Context context) {
    return context instanceof ContextInternal internal && internal.isDuplicate();
  }

  private Reporter reporterFor(Vertx vertx) {
    if (fixedReporter != null) {
      return fixedReporter;
    }
    if (vertx instanceof VertxInternal internal
        && internal.tracer() instanceof BacktrackTracer tracer) {
      return tracer.reporter();
    }
    return Backtrack.reporter();
  }
}
