package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.ext.web.Router;

/** {@code GET /api/overview} and {@code GET /api/timeseries}. */
final class OverviewApi {
  private final QueryClient query;

  OverviewApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.get("/api/overview").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("overview", ApiParams.window(ctx))));
    router.get("/api/timeseries").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("timeseries", ApiParams.window(ctx))));
  }
}
