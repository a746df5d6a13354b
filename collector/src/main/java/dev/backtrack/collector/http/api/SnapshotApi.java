package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code GET /api/snapshot} (a route, a folder or a service) and {@code GET /api/tree}. */
final class SnapshotApi {
  private final QueryClient query;

  SnapshotApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.get("/api/snapshot").handler(ctx -> ApiReplies.respond(ctx, () -> {
      JsonObject params = ApiParams.route(ctx);
      String prefix = ApiParams.text(ctx, "prefix", ApiParams.MAX_PREFIX);
      if (prefix != null && params.containsKey("route")) {
        throw new BadParameterException("prefix", "give either route or prefix, not both");
      }
      if (prefix != null) {
        params.put("prefix", prefix);
      }
      return query.ask("snapshot", params);
    }));
    router.get("/api/tree").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("tree", ApiParams.window(ctx))));
  }
}
