package dev.backtrack.collector.http;

import dev.backtrack.collector.CollectorOptions;
import dev.backtrack.collector.Version;
import dev.backtrack.collector.http.api.ApiRoutes;
import dev.backtrack.collector.ingest.IngestRoutes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The collector's one HTTP server: the security guard first, then {@code /ingest},
 * {@code /health}, the {@code /api/*} routes and the dashboard. Deploy one instance; the
 * heavy part of ingest (decoding large bodies) runs on worker threads.
 */
public final class HttpVerticle extends VerticleBase {
  private final CollectorOptions options;
  private volatile int actualPort;
  private HttpServer server;

  public HttpVerticle(CollectorOptions options) {
    this.options = options;
  }

  /**
   * Refuses a bind beyond loopback without a token: anyone on the network could otherwise
   * read the data and write into it.
   *
   * @throws IllegalArgumentException with a message fit for a user
   */
  public static void checkBinding(CollectorOptions options) {
    String host = options.host();
    if (options.token() == null && !SecurityGuard.isLoopback(host)) {
      throw new IllegalArgumentException("refusing to listen on " + host
          + " without a token: pass --token (or bind 127.0.0.1)");
    }
    if (options.token() != null && options.token().isBlank()) {
      throw new IllegalArgumentException("the token must not be empty");
    }
  }

  @Override
  public Future<?> start() {
    checkBinding(options);
    long startedAt = System.nanoTime();
    Router router = Router.router(vertx);
    router.route().handler(new SecurityGuard(options.host(), () -> actualPort, options.token()));
    IngestRoutes.mount(router, vertx, options);
    router.get("/health").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject()
            .put("status", "ok")
            .put("version", Version.current())
            .put("uptime_s", (System.nanoTime() - startedAt) / 1_000_000_000L)
            .encode()));
    ApiRoutes.mount(router, vertx, options);
    DashboardRoutes.mount(router, vertx, options);
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(options.host())
        .setPort(options.port()));
    return server.requestHandler(router).listen()
        .onSuccess(s -> actualPort = s.actualPort())
        .recover(this::explainListenFailure);
  }

  private Future<HttpServer> explainListenFailure(Throwable failure) {
    String reason = String.valueOf(failure.getMessage());
    String where = options.host() + ":" + options.port();
    if (reason.toLowerCase().contains("in use")) {
      return Future.failedFuture(new IllegalStateException(
          "cannot listen on " + where + ": the port is already in use (try --port)", failure));
    }
    return Future.failedFuture(
        new IllegalStateException("cannot listen on " + where + ": " + reason, failure));
  }

  /** The port the server listens on, once started. */
  public int actualPort() {
    return actualPort;
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
