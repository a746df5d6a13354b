package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.ext.web.Router;

/** {@code GET /api/errors} and {@code GET /api/errors/{fingerprint}} (with the stack). */
final class ErrorsApi {
  private final QueryClient query;

  ErrorsApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.get("/api/errors").handler(ctx -> ApiReplies.respond(ctx,
        () -> query.ask("errors", ApiParams.window(ctx))));
    router.get("/api/errors/:fingerprint").handler(ctx -> ApiReplies.respond(ctx, () -> {
      String fingerprint = ApiParams.check("fingerprint", ctx.pathParam("fingerprint"),
          ApiParams.MAX_FINGERPRINT);
      if (fingerprint == null) {
        throw new BadParameterException("fingerprint", "fingerprint is required");
      }
      return query.ask("error", ApiParams.window(ctx).put("fingerprint", fingerprint));
    }));
  }
}
