package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.ext.web.Router;

/** {@code GET /api/route_chains}: correlation chains kept in memory. */
final class ChainsApi {
  private final QueryClient query;

  ChainsApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.get("/api/route_chains").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("route_chains", ApiParams.window(ctx))));
  }
}
