package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code POST /api/scan}: scans the start roots again, or a folder below one of them given as
 * {@code {"path", "service"}}; the query stage refuses a folder outside every root.
 */
final class ScanApi {
  /** The body is two short strings; anything longer is refused before it is read in full. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  static final int MAX_PATH = 4096;

  private final QueryClient query;

  ScanApi(QueryClient query) {
    this.query = query;
  }

  void mount(Router router) {
    router.post("/api/scan").handler(ctx -> {
      Buffer body = Buffer.buffer();
      boolean[] tooLarge = {false};
      ctx.request().handler(chunk -> {
        if (body.length() + chunk.length() > MAX_BODY_BYTES) {
          if (!tooLarge[0]) {
            tooLarge[0] = true;
            ApiReplies.error(ctx, 413, new JsonObject()
                .put("error", "body exceeds " + MAX_BODY_BYTES + " bytes").put("where", "body"));
          }
        } else {
          body.appendBuffer(chunk);
        }
      });
      ctx.request().endHandler(end -> {
        if (!tooLarge[0]) {
          ApiReplies.respond(ctx, () -> query.ask("scan", params(body.toString())));
        }
      });
      ctx.request().resume();
    });
  }

  private static JsonObject params(String body) {
    JsonObject params = new JsonObject();
    if (body.isBlank()) {
      return params;
    }
    JsonObject json;
    try {
      json = new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new BadParameterException("body", "body must be a JSON object");
    }
    try {
      String path = ApiParams.check("path", json.getString("path"), MAX_PATH);
      String service = ApiParams.check("service", json.getString("service"),
          ApiParams.MAX_SERVICE);
      if (path != null) {
        params.put("path", path);
      }
      if (service != null) {
        params.put("service", service);
      }
    } catch (ClassCastException e) {
      throw new BadParameterException("body", "path and service must be strings");
    }
    return params;
  }
}
