package dev.backtrack.bench.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Realistic gzip batches, cheap to produce per request: the batch is two gzip members, a tiny
 * stored one with a fresh {@code batch_id} and a large one compressed once per
 * {@link #refresh()}.
 * Gzip readers inflate concatenated members as one stream, so the load generator spends its
 * CPU on sending. Refreshing every second keeps timestamps current and ids new, as with real
 * traffic: rows land at the end of the time index, not on the same few hundred places of it
 * for the whole run.
 */
final class BatchBodies {
  private static final String[] ROUTES = {"/users/{id}", "/users", "/orders", "/orders/{id}",
      "/orders/{id}/items", "/catalog/search", "/catalog/{sku}", "/cart", "/checkout",
      "/health"};
  private static final String[] SQL = {
      "select * from users where id = ?",
      "select o.id, o.total from orders o where o.user_id = ? order by o.created desc limit ?",
      "insert into order_items (order_id, sku, qty) values (?, ?, ?)",
      "update stock set qty = qty - ? where sku = ?",
      "select sku, name, price from catalog where name like ? limit ?"};
  private static final String[] HOSTS = {"payments.internal:8443", "api.stripe.example",
      "inventory:8080"};

  private final int eventsPerBatch;
  private final Random random;
  private volatile byte[] rest;
  private volatile JsonArray events;
  private int items;

  BatchBodies(int eventsPerBatch, long seed) {
    this.eventsPerBatch = eventsPerBatch;
    this.random = new Random(seed);
    refresh();
  }

  /** Builds the shared part anew: timestamps of the last second, new request ids. */
  synchronized void refresh() {
    long now = System.currentTimeMillis();
    JsonArray events = new JsonArray();
    for (int i = 0; i < eventsPerBatch; i++) {
      events.add(event(random, now - random.nextInt(1000), i));
    }
    JsonArray outgoing = new JsonArray();
    for (int i = 0; i < eventsPerBatch / 5; i++) {
      int status = random.nextInt(50) == 0 ? 503 : 200;
      outgoing.add(new JsonObject().put("ts", now).put("request_id", "r-" + i)
          .put("route", ROUTES[i % ROUTES.length]).put("method", "POST")
          .put("host", HOSTS[random.nextInt(HOSTS.length)]).put("status", status)
          .put("duration_us", 2_000 + random.nextInt(40_000)).put("error", status >= 500));
    }
    JsonObject restOfBatch = new JsonObject()
        .put("service", "shop-api")
        .put("instance", new JsonObject().put("host", "bench").put("pid", 4242)
            .put("sdk", "backtrack-bench/0.1.0"))
        .put("events", events)
        .put("outgoing", outgoing)
        .put("heartbeat", new JsonObject().put("ts", now).put("cpu_pct", 35.5)
            .put("rss_bytes", 512L << 20).put("in_flight", 12).put("dropped", 0));
    String json = restOfBatch.encode();
    rest = gzip(json.substring(1)); // without '{': the prefix member opens the object
    items = events.size() + outgoing.size() + 1;
    this.events = events;
  }

  /** The events of the current body, as sent. */
  JsonArray events() {
    return events;
  }

  private static JsonObject event(Random random, long ts, int i) {
    String route = ROUTES[random.nextInt(ROUTES.length)];
    int status = random.nextInt(100) < 3 ? 500 : random.nextInt(100) < 5 ? 404 : 200;
    JsonObject event = new JsonObject()
        .put("ts", ts)
        .put("request_id", UUID.randomUUID().toString())
        .put("correlation_id", "c-" + random.nextInt(100_000))
        .put("method", random.nextInt(4) == 0 ? "POST" : "GET")
        .put("route", route)
        .put("status", status)
        .put("duration_us", 500 + random.nextInt(200_000));
    if (random.nextInt(3) > 0) {
      JsonArray slowest = new JsonArray();
      for (int s = 0; s < 1 + random.nextInt(3); s++) {
        slowest.add(new JsonObject().put("sql", SQL[random.nextInt(SQL.length)])
            .put("us", 100 + random.nextInt(20_000)));
      }
      event.put("db", new JsonObject().put("count", 1 + random.nextInt(12))
          .put("us", 300 + random.nextInt(30_000)).put("slowest", slowest));
    }
    if (random.nextInt(5) == 0) {
      event.put("out", new JsonObject().put("count", 1).put("us", 2_000));
    }
    if (status == 500) {
      event.put("error", new JsonObject().put("type", "java.lang.IllegalStateException")
          .put("message", "stock is negative for sku " + i)
          .put("fingerprint", "9f2c4e7a1b3d5f6" + random.nextInt(4))
          .put("stack", "java.lang.IllegalStateException: stock is negative\n"
              + "\tat shop.Orders.place(Orders.java:42)\n\tat shop.Api.post(Api.java:17)"));
    }
    return event;
  }

  /** A new batch body (gzip), with its own batch id. */
  Buffer next() {
    byte[] head = storedGzip("{\"v\":1,\"batch_id\":\"" + UUID.randomUUID() + "\",");
    byte[] shared = rest;
    return Buffer.buffer(head.length + shared.length).appendBytes(head).appendBytes(shared);
  }

  /** Events + outgoing calls + heartbeat: the {@code accepted} count of one batch. */
  synchronized int itemsPerBatch() {
    return items;
  }

  int eventsPerBatch() {
    return eventsPerBatch;
  }

  /**
   * A gzip member holding {@code text} uncompressed (one stored deflate block), written by
   * hand: a compressor per request would cost the generator more CPU than sending, and this
   * machine's cores are shared with the collector under test.
   */
  static byte[] storedGzip(String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(data);
    ByteBuffer out = ByteBuffer.allocate(10 + 5 + data.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    out.put((byte) 1).putShort((short) data.length).putShort((short) ~data.length);
    out.put(data).putInt((int) crc.getValue()).putInt(data.length);
    return out.array();
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
