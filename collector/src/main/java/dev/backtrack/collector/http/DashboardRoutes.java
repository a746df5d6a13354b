package dev.backtrack.collector.http;

import dev.backtrack.collector.CollectorOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Serves the dashboard's static files and the chart libraries it loads. */
public final class DashboardRoutes {
  private DashboardRoutes() {}

  public static void mount(Router router, Vertx vertx, CollectorOptions options) {}
}
