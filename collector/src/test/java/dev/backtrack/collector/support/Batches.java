package dev.backtrack.collector.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Valid batches to start from; tests break or extend them. */
public final class Batches {
  private Batches() {}

  public static JsonObject event(long tsMillis, String route, int status) {
    return new JsonObject()
        .put("ts", tsMillis)
        .put("request_id", UUID.randomUUID().toString())
        .put("method", "GET")
        .put("route", route)
        .put("status", status)
        .put("duration_us", 1500);
  }

  /** A batch of {@code events} GET events on {@code /users/{id}}, now. */
  public static JsonObject batch(String service, int events) {
    JsonArray list = new JsonArray();
    long now = System.currentTimeMillis();
    for (int i = 0; i < events; i++) {
      list.add(event(now, "/users/{id}", 200));
    }
    return new JsonObject()
        .put("v", 1)
        .put("batch_id", UUID.randomUUID().toString())
        .put("service", service)
        .put("instance", new JsonObject().put("host", "test").put("pid", 1).put("sdk", "t/1"))
        .put("events", list);
  }
}
