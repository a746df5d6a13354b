package dev.backtrack.collector.http.api;

import dev.backtrack.collector.CollectorOptions;
import dev.backtrack.collector.bus.Addresses;
import dev.backtrack.collector.query.QueryClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Mounts every {@code /api/*} handler and the SSE stream (docs/api.md). The handlers only
 * check parameters and ask the query stage over the event bus; nothing here blocks.
 */
public final class ApiRoutes {
  private ApiRoutes() {}

  public static void mount(Router router, Vertx vertx, CollectorOptions options) {
    QueryClient query = new QueryClient(vertx, new Addresses(options.busPrefix()));
    new ServicesApi(query).mount(router);
    new OverviewApi(query).mount(router);
    new RoutesApi(query).mount(router);
    new ErrorsApi(query).mount(router);
    new OutgoingApi(query).mount(router);
    new ChainsApi(query).mount(router);
    new SnapshotApi(query).mount(router);
    new ScanApi(query).mount(router);
    new StreamApi(vertx, query).mount(router);
    router.route("/api/*").handler(ctx -> ApiReplies.error(ctx, 404,
        new JsonObject().put("error", "no such API: " + ctx.request().method() + " "
            + ctx.request().path())));
  }
}
