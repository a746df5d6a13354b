package dev.backtrack.collector.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A known batch of the "shop" service, with the aggregates the tests expect of it. */
final class ShopTraffic {
  static final String HOSTILE_ROUTE = "/x/<script>alert(1)</script>/'; DROP TABLE events;--";

  private ShopTraffic() {}

  /**
   * Three GET /users/{id} (10, 20, 30 ms; the first with 2 DB statements and one call to
   * api.example.com), one failing POST /orders (40 ms, fingerprint f1) that starts chain c-9
   * by calling inventory, one GET on a hostile route, and a heartbeat.
   */
  static JsonObject batch(long now) {
    JsonArray events = new JsonArray()
        .add(event(now - 3_000, "GET", "/users/{id}", 200, 10_000, "c-1", null)
            .put("db", new JsonObject().put("count", 2).put("us", 4_000).put("slowest",
                new JsonArray().add(new JsonObject().put("sql", "select * from users where id = ?")
                    .put("us", 3_000))))
            .put("out", new JsonObject().put("count", 1).put("us", 5_000)))
        .add(event(now - 2_000, "GET", "/users/{id}", 200, 20_000, "c-2", null))
        .add(event(now - 1_000, "GET", "/users/{id}", 200, 30_000, "c-3", null))
        .add(chainStart(event(now - 1_000, "POST", "/orders", 500, 40_000, "c-9", null))
            .put("error", new JsonObject().put("type", "java.lang.IllegalStateException")
                .put("message", "stock is <b>negative</b>").put("fingerprint", "f1")
                .put("stack", "java.lang.IllegalStateException: stock\n\tat shop.Orders.place")))
        .add(event(now - 500, "GET", HOSTILE_ROUTE, 200, 1_000, "c-5", null));
    JsonArray outgoing = new JsonArray()
        .add(call(now - 3_000, "/users/{id}", "api.example.com", 200, 5_000))
        .add(call(now - 1_000, "/orders", "inventory:8080", 503, 15_000));
    return new JsonObject()
        .put("v", 1)
        .put("batch_id", UUID.randomUUID().toString())
        .put("service", "shop")
        .put("instance", new JsonObject().put("host", "laptop").put("pid", 42).put("sdk", "t/1"))
        .put("events", events)
        .put("outgoing", outgoing)
        .put("heartbeat", new JsonObject().put("ts", now).put("cpu_pct", 3.5)
            .put("rss_bytes", 1000).put("in_flight", 2).put("dropped", 0));
  }

  /** The downstream hop of correlation chain {@code c-9}, on another service. */
  static JsonObject inventoryBatch(long now) {
    return new JsonObject()
        .put("v", 1)
        .put("batch_id", UUID.randomUUID().toString())
        .put("service", "inventory")
        .put("events", new JsonArray().add(
            event(now - 900, "GET", "/stock/{sku}", 503, 15_000, "c-9", "r-parent")));
  }

  /**
   * The event as an SDK sends the first hop of a chain: the request id is the chain's, and
   * {@code correlation_id} is left out, which means the same.
   */
  private static JsonObject chainStart(JsonObject event) {
    event.put("request_id", event.remove("correlation_id"));
    return event;
  }

  static JsonObject event(long ts, String method, String route, int status, long us,
      String correlationId, String parentId) {
    return new JsonObject()
        .put("ts", ts)
        .put("request_id", UUID.randomUUID().toString())
        .put("correlation_id", correlationId)
        .put("parent_id", parentId)
        .put("method", method)
        .put("route", route)
        .put("status", status)
        .put("duration_us", us);
  }

  private static JsonObject call(long ts, String route, String host, int status, long us) {
    return new JsonObject().put("ts", ts).put("route", route).put("method", "GET")
        .put("host", host).put("status", status).put("duration_us", us);
  }
}
