package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.QueryClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /api/stream}: Server-Sent Events. One {@code snapshot} event at once, then one
 * every {@link #PERIOD_MILLIS}, and one soon after new data was stored when the last is older
 * than {@link #MIN_GAP_MILLIS}; a {@code : ping} comment keeps idle connections open. Timers
 * stop when the client goes away.
 */
final class StreamApi {
  static final long PERIOD_MILLIS = 2_000;
  static final long MIN_GAP_MILLIS = 1_000;
  static final long PING_MILLIS = 15_000;

  private final Vertx vertx;
  private final QueryClient query;
  private final Set<Stream> open = new LinkedHashSet<>();

  StreamApi(Vertx vertx, QueryClient query) {
    this.vertx = vertx;
    this.query = query;
  }

  void mount(Router router) {
    vertx.eventBus().consumer(query.changedAddress(), message -> {
      long now = System.nanoTime();
      for (Stream stream : Set.copyOf(open)) {
        if (now - stream.lastPushNanos >= MIN_GAP_MILLIS * 1_000_000) {
          stream.push();
        }
      }
    });
    router.get("/api/stream").handler(this::start);
  }

  private void start(RoutingContext ctx) {
    JsonObject params;
    try {
      params = ApiParams.window(ctx);
    } catch (BadParameterException e) {
      ApiReplies.error(ctx, 400,
          new JsonObject().put("error", e.getMessage()).put("where", e.where()));
      return;
    }
    HttpServerResponse response = ctx.response()
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("X-Accel-Buffering", "no");
    Stream stream = new Stream(response, params);
    open.add(stream);
    response.closeHandler(v -> stream.stop());
    response.exceptionHandler(e -> stream.stop());
    response.write(": connected\n\n");
    stream.push();
    stream.periodic = vertx.setPeriodic(PERIOD_MILLIS, id -> stream.push());
    stream.ping = vertx.setPeriodic(PING_MILLIS, id -> stream.write(": ping\n\n"));
  }

  /** One client's stream. */
  private final class Stream {
    final HttpServerResponse response;
    final JsonObject params;
    long periodic = -1;
    long ping = -1;
    long lastPushNanos = System.nanoTime();
    boolean pushing;
    boolean stopped;

    Stream(HttpServerResponse response, JsonObject params) {
      this.response = response;
      this.params = params;
    }

    void push() {
      // A slow client skips snapshots rather than queueing them.
      if (stopped || pushing || response.writeQueueFull()) {
        return;
      }
      pushing = true;
      lastPushNanos = System.nanoTime();
      query.ask("stream", params).onComplete(done -> {
        pushing = false;
        if (done.succeeded()) {
          write("event: snapshot\ndata: " + done.result() + "\n\n");
        }
      });
    }

    void write(String text) {
      if (!stopped && !response.closed()) {
        response.write(text);
      }
    }

    void stop() {
      stopped = true;
      open.remove(this);
      vertx.cancelTimer(periodic);
      vertx.cancelTimer(ping);
    }
  }
}
