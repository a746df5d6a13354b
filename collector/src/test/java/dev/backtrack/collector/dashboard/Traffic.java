package dev.backtrack.collector.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Builds batches with known figures and sends them to a collector's {@code /ingest}. */
final class Traffic {
  // HTTP/1.1: the collector's DNS-rebinding guard reads the Host header, which an h2c
  // upgraded request does not carry.
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI ingest;
  private final String service;
  private final JsonArray events = new JsonArray();
  private final JsonArray outgoing = new JsonArray();
  private JsonObject heartbeat;

  private Traffic(URI ingest, String service) {
    this.ingest = ingest;
    this.service = service;
  }

  static Traffic to(String baseUrl, String service) {
    return new Traffic(URI.create(baseUrl + "/ingest"), service);
  }

  /** A request that ended at {@code status} after {@code millis}, started just now. */
  Traffic request(String method, String route, int status, long millis) {
    return request(method, route, status, millis, 0);
  }

  /** As {@link #request}, having run {@code queries} SQL statements. */
  Traffic request(String method, String route, int status, long millis, int queries) {
    JsonObject event = event(method, route, status, millis);
    if (queries > 0) {
      event.put("db", new JsonObject().put("count", queries).put("us", queries * 200));
    }
    events.add(event);
    return this;
  }

  /** A request that threw: its error group gets {@code fingerprint} and {@code stack}. */
  Traffic failure(String method, String route, String type, String fingerprint, String stack) {
    events.add(event(method, route, 500, 5).put("error", new JsonObject()
        .put("type", type).put("message", "stock is negative")
        .put("fingerprint", fingerprint).put("stack", stack)));
    return this;
  }

  /** A call from {@code route} to {@code host}. */
  Traffic call(String route, String host, int status, long millis) {
    outgoing.add(new JsonObject()
        .put("ts", System.currentTimeMillis()).put("route", route).put("method", "GET")
        .put("host", host).put("status", status).put("duration_us", millis * 1000));
    return this;
  }

  Traffic heartbeat(double cpuPercent, long rssBytes, int inFlight) {
    heartbeat = new JsonObject().put("ts", System.currentTimeMillis()).put("cpu_pct", cpuPercent)
        .put("rss_bytes", rssBytes).put("in_flight", inFlight).put("dropped", 0);
    return this;
  }

  /** Sends one batch with everything added so far; fails unless the collector stored it. */
  void send() {
    JsonObject batch = new JsonObject()
        .put("v", 1)
        .put("batch_id", UUID.randomUUID().toString())
        .put("service", service)
        .put("instance", new JsonObject().put("host", "test-host").put("pid", 4242)
            .put("sdk", "test/1"))
        .put("events", events.copy())
        .put("outgoing", outgoing.copy());
    if (heartbeat != null) {
      batch.put("heartbeat", heartbeat);
    }
    events.clear();
    outgoing.clear();
    heartbeat = null;
    HttpRequest request = HttpRequest.newBuilder(ingest)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(batch.encode()))
        .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("ingest answered " + response.statusCode() + ": "
            + response.body());
      }
    } catch (IOException e) {
      throw new AssertionError("ingest failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static JsonObject event(String method, String route, int status, long millis) {
    return new JsonObject()
        .put("ts", System.currentTimeMillis())
        .put("request_id", UUID.randomUUID().toString())
        .put("method", method)
        .put("route", route)
        .put("status", status)
        .put("duration_us", millis * 1000);
  }
}
