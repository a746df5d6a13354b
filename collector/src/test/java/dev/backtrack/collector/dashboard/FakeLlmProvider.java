package dev.backtrack.collector.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an LLM provider on loopback: records what the page sends and answers in the
 * OpenAI ({@code /v1/chat/completions}) or Anthropic ({@code /v1/messages}) format. Allows
 * the cross-origin calls a browser makes from the dashboard, as the real providers do.
 */
final class FakeLlmProvider {
  /** One call as received. */
  record Call(String path, String authorization, String apiKey, JsonObject body) {}

  private final String answer;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private HttpServer server;

  FakeLlmProvider(String answer) {
    this.answer = answer;
  }

  Future<FakeLlmProvider> start(Vertx vertx) {
    return vertx.createHttpServer()
        .requestHandler(this::handle)
        .listen(0, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  List<Call> calls() {
    return calls;
  }

  Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    request.response()
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Access-Control-Allow-Methods", "POST")
        .putHeader("Access-Control-Allow-Headers", "content-type, authorization, x-api-key,"
            + " anthropic-version, anthropic-dangerous-direct-browser-access");
    if (request.method() == HttpMethod.OPTIONS) {
      request.response().setStatusCode(204).end();
      return;
    }
    request.body().onSuccess(body -> {
      calls.add(new Call(request.path(), request.getHeader("Authorization"),
          request.getHeader("x-api-key"), body.toJsonObject()));
      JsonObject reply = request.path().endsWith("/messages")
          ? new JsonObject().put("content", new JsonArray()
              .add(new JsonObject().put("type", "text").put("text", answer)))
          : new JsonObject().put("choices", new JsonArray().add(new JsonObject()
              .put("message", new JsonObject().put("role", "assistant").put("content", answer))));
      request.response().putHeader("Content-Type", "application/json").end(reply.encode());
    });
  }
}
