package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.ext.web.Router;

/** {@code GET /api/services}. */
final class ServicesApi {
  private final QueryClient query;

  ServicesApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.get("/api/services").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("services", new io.vertx.core.json.JsonObject())));
  }
}
