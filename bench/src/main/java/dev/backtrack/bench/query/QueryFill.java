package dev.backtrack.bench.query;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills a collector through {@code /ingest} with synthetic traffic spread over the last 50 minutes:
 * {@link #SERVICES} services of {@link #ROUTES_PER_SERVICE} routes each, 2 % errors, SQL
 * timings, one outgoing call per ten requests and a two-hop correlation chain per hundred.
 */
final class QueryFill {
  static final int SERVICES = 5;
  static final int ROUTES_PER_SERVICE = 10;
  static final int EVENTS_PER_BATCH = 5_000;
  static final int CONCURRENT_BATCHES = 4;

  /** Events lie in the 50 minutes before the fill started, so all stay in the hour. */
  static final long SPREAD_MILLIS = 3_000_000;

  private QueryFill() {}

  /** Posts {@code events} events; returns the events per second it achieved. */
  static double fill(HttpClient client, int port, long events, long nowMillis) {
    long started = System.nanoTime();
    SplittableRandom random = new SplittableRandom(42);
    long sent = 0;
    int batchNo = 0;
    List<Future<?>> inFlight = new ArrayList<>();
    while (sent < events) {
      int size = (int) Math.min(EVENTS_PER_BATCH, events - sent);
      String body = batch(random, "svc-" + (batchNo % SERVICES), size, nowMillis);
      inFlight.add(post(client, port, body));
      sent += size;
      batchNo++;
      if (inFlight.size() == CONCURRENT_BATCHES) {
        await(Future.all(inFlight));
        inFlight.clear();
      }
    }
    await(Future.all(inFlight));
    return events / ((System.nanoTime() - started) / 1e9);
  }

  private static Future<?> post(HttpClient client, int port, String body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setHost("127.0.0.1").setPort(port).setURI("/ingest")
        .putHeader("Content-Type", "application/json");
    return client.request(options)
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(b -> {
          if (response.statusCode() != 200) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": "
                + b);
          }
          return b;
        }));
  }

  private static String batch(SplittableRandom random, String service, int size, long now) {
    StringBuilder events = new StringBuilder(size * 220);
    StringBuilder outgoing = new StringBuilder();
    for (int i = 0; i < size; i++) {
      long ts = now - random.nextLong(SPREAD_MILLIS);
      int route = random.nextInt(ROUTES_PER_SERVICE);
      boolean error = random.nextInt(50) == 0;
      long us = 500 + (long) (random.nextDouble() * random.nextDouble() * 200_000);
      String id = "r" + UUID.randomUUID();
      boolean chained = random.nextInt(100) == 0;
      if (i > 0) {
        events.append(',');
      }
      events.append("{\"ts\":").append(ts).append(",\"request_id\":\"").append(id)
          .append("\",\"correlation_id\":\"").append(chained ? "chain-" + (i / 2) : id)
          .append('"');
      if (chained && i % 2 == 1) {
        events.append(",\"parent_id\":\"p\"");
      }
      events.append(",\"method\":\"").append(route % 3 == 0 ? "POST" : "GET")
          .append("\",\"route\":\"/api/").append(service).append("/r").append(route)
          .append("/{id}\",\"status\":").append(error ? 500 : 200)
          .append(",\"duration_us\":").append(us)
          .append(",\"db\":{\"count\":2,\"us\":").append(us / 4)
          .append(",\"slowest\":[{\"sql\":\"select * from t").append(route)
          .append(" where id = ?\",\"us\":").append(us / 5).append("}]}");
      if (error) {
        events.append(",\"error\":{\"type\":\"java.lang.IllegalStateException\",\"message\":")
            .append("\"boom\",\"fingerprint\":\"fp").append(route)
            .append("\",\"stack\":\"java.lang.IllegalStateException: boom\\n\\tat x.Y.z\"}");
      }
      events.append('}');
      if (i % 10 == 0) {
        if (outgoing.length() > 0) {
          outgoing.append(',');
        }
        outgoing.append("{\"ts\":").append(ts).append(",\"request_id\":\"").append(id)
            .append("\",\"route\":\"/api/").append(service).append("/r").append(route)
            .append("/{id}\",\"method\":\"GET\",\"host\":\"dep").append(route % 4)
            .append(".example.com\",\"status\":200,\"duration_us\":").append(us / 3)
            .append('}');
      }
    }
    return "{\"v\":1,\"batch_id\":\"" + UUID.randomUUID() + "\",\"service\":\"" + service
        + "\",\"instance\":{\"host\":\"bench\",\"pid\":1,\"sdk\":\"bench/1\"},\"events\":["
        + events + "],\"outgoing\":[" + outgoing + "],\"heartbeat\":{\"ts\":" + now
        + ",\"cpu_pct\":5,\"rss_bytes\":1000000,\"in_flight\":1,\"dropped\":0}}";
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
