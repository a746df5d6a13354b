package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.ext.web.Router;

/** {@code GET /api/routes} and {@code GET /api/sql} (all routes or one). */
final class RoutesApi {
  private final QueryClient query;

  RoutesApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.get("/api/routes").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("routes", ApiParams.window(ctx))));
    router.get("/api/sql").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("sql", ApiParams.route(ctx))));
  }
}
