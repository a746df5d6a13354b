package dev.backtrack.collector.http.api;

import dev.backtrack.collector.CollectorOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Mounts every {@code /api/*} handler and the SSE stream. */
public final class ApiRoutes {
  private ApiRoutes() {}

  public static void mount(Router router, Vertx vertx, CollectorOptions options) {}
}
