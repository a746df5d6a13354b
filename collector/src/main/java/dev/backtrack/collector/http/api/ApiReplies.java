package dev.backtrack.collector.http.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes API answers: JSON text, or a JSON error with the matching status. */
final class ApiReplies {
  private static final Logger LOG = Logger.getLogger(ApiReplies.class.getName());

  private ApiReplies() {}

  /** Answers with what {@code answer} produces; a bad parameter becomes {@code 400}. */
  static void respond(RoutingContext ctx, Supplier<Future<String>> answer) {
    Future<String> body;
    try {
      body = answer.get();
    } catch (BadParameterException e) {
      error(ctx, 400, new JsonObject().put("error", e.getMessage()).put("where", e.where()));
      return;
    }
    body.onComplete(done -> {
      if (done.succeeded()) {
        json(ctx, 200, done.result());
      } else {
        failure(ctx, done.cause());
      }
    });
  }

  static void json(RoutingContext ctx, int status, String body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body);
  }

  static void error(RoutingContext ctx, int status, JsonObject body) {
    json(ctx, status, body.encode());
  }

  private static void failure(RoutingContext ctx, Throwable cause) {
    if (cause instanceof ReplyException reply
        && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      json(ctx, reply.failureCode(), reply.getMessage());
      return;
    }
    LOG.log(Level.WARNING, "query stage did not answer", cause);
    ctx.response().putHeader("Retry-After", "1");
    error(ctx, 503, new JsonObject().put("error", "the query stage is not available"));
  }
}
