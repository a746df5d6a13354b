package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.ext.web.Router;

/** {@code GET /api/outgoing} and {@code GET /api/graph} (routes → hosts). */
final class OutgoingApi {
  private final QueryClient query;

  OutgoingApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.get("/api/outgoing").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("outgoing", ApiParams.window(ctx))));
    router.get("/api/graph").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("graph", ApiParams.window(ctx))));
  }
}
