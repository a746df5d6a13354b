package dev.backtrack.bench.vertx;

import dev.backtrack.bench.ab.CountingTransport;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.report.ReporterSettings;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.vertx.BacktrackHandler;
import dev.backtrack.vertx.BacktrackVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The application under test of the Vert.x benchmarks: a root router and a sub-router with
 * a path parameter, answering small JSON. Built plain or with the SDK, which then reports
 * through a real reporter into a transport that only counts bytes (the collector is not what
 * is measured here).
 */
final class SampleApp implements AutoCloseable {
  /** The path the load generators call. */
  static final String PATH = "/api/items/42";

  final Vertx vertx;
  final HttpServer server;
  private final Reporter reporter;
  /** Counts what the SDK reports, when it reports; else null. */
  private CountingTransport counting;

  /** Bytes the SDK reported so far; 0 when it does not report. */
  long reportedBytes() {
    return counting == null ? 0 : counting.bytes();
  }

  /** A request id as the SDK would answer it, for the plain app that only adds the header. */
  private static final String FIXED_REQUEST_ID = "0123456789abcdef0123456789abcdef";

  private SampleApp(boolean instrumented, boolean reporting, int eventLoops) {
    this(instrumented, reporting, false, eventLoops);
  }

  private SampleApp(boolean instrumented, boolean reporting, boolean requestIdHeader,
      int eventLoops) {
    VertxOptions options = new VertxOptions().setEventLoopPoolSize(eventLoops);
    if (instrumented && !reporting) {
      reporter = null;
      vertx = BacktrackVertx.builder(options).reporter(Reporter.noop()).build();
    } else if (instrumented) {
      counting = new CountingTransport();
      reporter = Reporter.start(new ReporterSettings("bench-app", BacktrackVertx.SDK, 300_000,
          1000, 5000, ReporterSettings.DEFAULT_MAX_BATCH_EVENTS,
          ReporterSettings.DEFAULT_MAX_BACKOFF_MILLIS, RequestContext::inFlight), counting);
      vertx = BacktrackVertx.builder(options).reporter(reporter).build();
    } else {
      reporter = null;
      vertx = Vertx.vertx(options);
    }
    Router api = Router.router(vertx);
    api.get("/items/:id").handler(ctx -> {
      if (requestIdHeader) {
        ctx.response().putHeader("X-Request-ID", FIXED_REQUEST_ID);
      }
      ctx.json(
          new JsonObject().put("id", ctx.pathParam("id")).put("name", "item").put("stock", 3));
    });
    Router root = Router.router(vertx);
    if (instrumented) {
      root.route().handler(BacktrackHandler.create());
    }
    root.route("/api/*").subRouter(api);
    server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
  }

  static SampleApp plain(int eventLoops) {
    return new SampleApp(false, false, eventLoops);
  }

  /** Without the SDK, answering an {@code X-Request-ID} as it would: what the header costs. */
  static SampleApp plainWithRequestIdHeader(int eventLoops) {
    return new SampleApp(false, false, true, eventLoops);
  }

  static SampleApp instrumented(int eventLoops) {
    return new SampleApp(true, true, eventLoops);
  }

  /** With the SDK's request path but a reporter that drops events unencoded. */
  static SampleApp instrumentedWithoutReporting(int eventLoops) {
    return new SampleApp(true, false, eventLoops);
  }

  int port() {
    return server.actualPort();
  }

  /** Events the SDK dropped (0 for the plain app). */
  long dropped() {
    return reporter == null ? 0 : reporter.dropped();
  }

  @Override
  public void close() {
    vertx.close().await();
    if (reporter != null) {
      reporter.close(java.time.Duration.ofSeconds(2));
    }
  }
}
