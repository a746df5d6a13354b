package dev.backtrack.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A real HTTP ingest endpoint on loopback that keeps the batches it receives. */
final class IngestStandIn implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final List<JsonObject> batches = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  IngestStandIn() {
    server = vertx.createHttpServer(new HttpServerOptions().setDecompressionSupported(true))
        .requestHandler(req -> req.body().onSuccess(body -> {
          JsonObject batch = body.toJsonObject();
          batches.add(batch);
          int accepted = batch.getJsonArray("events", new JsonArray()).size()
              + batch.getJsonArray("outgoing", new JsonArray()).size();
          req.response().putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("accepted", accepted).encode());
        }))
        .listen(0, "127.0.0.1").await();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.actualPort() + "/ingest";
  }

  List<JsonObject> batches() {
    return List.copyOf(batches);
  }

  /** Every request event received so far from {@code service}. */
  List<JsonObject> events(String service) {
    return collect(service, "events");
  }

  /** Every outgoing call received so far from {@code service}. */
  List<JsonObject> outgoing(String service) {
    return collect(service, "outgoing");
  }

  private List<JsonObject> collect(String service, String field) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject batch : batches) {
      if (service.equals(batch.getString("service"))) {
        batch.getJsonArray(field, new JsonArray()).forEach(e -> out.add((JsonObject) e));
      }
    }
    return out;
  }

  /** Waits until {@code condition} holds over the events of {@code service}, or fails. */
  List<JsonObject> awaitEvents(String service, Predicate<List<JsonObject>> condition,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonObject> events = events(service);
      if (condition.test(events)) {
        return events;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("condition not met within " + timeout + "; events of " + service
        + ": " + events(service));
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
